package io.poollab.db.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.poollab.db.Kind;
import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import microsoft.sql.DateTimeOffset;
import org.junit.jupiter.api.Test;

/** readValue and bindValue against stand-ins for mssql-jdbc's ResultSet and PreparedStatement. */
class SqlServerValuesTest {

    private final SqlServerDialect dialect = new SqlServerDialect();

    @Test
    void uniqueidentifierIsReadFromItsTextNotItsBytes() throws Exception {
        // mssql-jdbc returns the canonical text in upper case; getBytes would give FF19966F 868B 11D0 B42D..., the storage order.
        ResultSet rs = resultSet("6F9619FF-8B86-D011-B42D-00C04FC964FF");

        assertThat(dialect.readValue(rs, 1, Kind.UUID))
                .isEqualTo(UUID.fromString("6f9619ff-8b86-d011-b42d-00c04fc964ff"));
    }

    @Test
    void nullUniqueidentifierIsNull() throws Exception {
        assertThat(dialect.readValue(resultSet(null), 1, Kind.UUID)).isNull();
    }

    @Test
    void temporalKindsAreReadAsJavaTimeTypes() throws Exception {
        OffsetDateTime offset = OffsetDateTime.parse("2024-02-29T12:00:00.6543217+05:30");
        LocalDateTime local = LocalDateTime.parse("2024-02-29T12:00:00.1234567");
        LocalTime time = LocalTime.parse("23:59:59.9999999");

        assertThat(dialect.readValue(resultSet(offset), 1, Kind.TIMESTAMPTZ)).isEqualTo(offset);
        assertThat(dialect.readValue(resultSet(local), 1, Kind.TIMESTAMP)).isEqualTo(local);
        assertThat(dialect.readValue(resultSet(time), 1, Kind.TIME)).isEqualTo(time);
        assertThat(dialect.readValue(resultSet(null), 1, Kind.TIMESTAMPTZ)).isNull();
    }

    @Test
    void uuidIsBoundAsCanonicalText() throws Exception {
        List<String> calls = new ArrayList<>();
        UUID uuid = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");

        dialect.bindValue(statement(calls), 3, Kind.UUID, uuid);
        dialect.bindValue(statement(calls), 4, Kind.UUID, null);

        assertThat(calls).containsExactly("setString[3, a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11]",
                "setNull[4, " + microsoft.sql.Types.GUID + "]");
    }

    @Test
    void offsetTimestampIsBoundAsDateTimeOffsetKeepingOffsetAndFraction() throws Exception {
        List<Object> bound = new ArrayList<>();
        PreparedStatement statement = (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    bound.add(args[1]);
                    return null;
                });
        OffsetDateTime value = OffsetDateTime.parse("2024-02-29T12:00:00.654321+05:30");

        dialect.bindValue(statement, 1, Kind.TIMESTAMPTZ, value);

        assertThat(bound).singleElement().isInstanceOf(DateTimeOffset.class);
        assertThat(((DateTimeOffset) bound.get(0)).getOffsetDateTime()).isEqualTo(value);
    }

    /** A one-column result positioned on its row, holding {@code value} (null for SQL NULL). */
    private static ResultSet resultSet(Object value) {
        boolean[] lastWasNull = {false};
        return (ResultSet) Proxy.newProxyInstance(SqlServerValuesTest.class.getClassLoader(),
                new Class<?>[] {ResultSet.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getString" -> {
                        lastWasNull[0] = value == null;
                        yield value == null ? null : value.toString();
                    }
                    case "getObject" -> {
                        lastWasNull[0] = value == null;
                        yield value == null ? null : ((Class<?>) args[1]).cast(value);
                    }
                    case "wasNull" -> lastWasNull[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static PreparedStatement statement(List<String> calls) {
        return (PreparedStatement) Proxy.newProxyInstance(SqlServerValuesTest.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    calls.add(method.getName() + Arrays.toString(args));
                    return null;
                });
    }
}
