package io.poollab.db;

import java.sql.Connection;
import java.sql.SQLException;

@FunctionalInterface
public interface WriterFactory {

    UnitWriter open(Connection connection) throws SQLException;
}
