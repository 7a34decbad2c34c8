package io.poollab.history;

import java.sql.Connection;
import java.sql.DriverManager;

/** Holds an H2 file open exclusively (no AUTO_SERVER) until its standard input closes: a lock for tests. */
public final class ExclusiveHolder {

    private ExclusiveHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + args[0], "sa", "")) {
            System.out.print("opened\n");
            System.out.flush();
            while (System.in.read() >= 0) {
                // Wait for the test to close our stdin.
            }
        }
    }
}
