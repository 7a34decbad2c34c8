package io.poollab.testing;

import io.poollab.db.SampleData;
import io.poollab.db.TableRef;
import io.poollab.db.postgres.PostgresDialect;
import java.sql.Connection;

/** The posts-like sample table in a fresh PostgreSQL database. */
public final class Posts {

    private Posts() {
    }

    public static String database(long rows) throws Exception {
        String url = TestPostgres.newDatabase("posts");
        try (Connection c = TestPostgres.connect(url)) {
            SampleData.ensurePosts(c, new PostgresDialect(), new TableRef("public", "posts"), rows);
        }
        return url;
    }
}
