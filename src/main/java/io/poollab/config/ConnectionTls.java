package io.poollab.config;

import java.util.Locale;

/**
 * What a connection form's settings mean for TLS, in one line for the connection editor, and whether that is a
 * warning: TLS that is not enforced towards a host other than this machine sends the password and every row where
 * others on the network can read them.
 */
public final class ConnectionTls {

    /** @param warning true when TLS is not enforced for a non-loopback host */
    public record Status(boolean warning, String text) {
    }

    private ConnectionTls() {
    }

    public static Status of(ConnectionForm form) {
        if (form.dialect() == DbKind.H2 && form.host() == null) {
            return new Status(false, "TLS: none needed, the database is embedded in this process");
        }
        boolean remote = form.host() != null && !isLoopback(form.host());
        String host = form.host() == null ? "the server" : form.host();
        if (form.dialect() == DbKind.SQLSERVER) {
            if (Boolean.FALSE.equals(form.encrypt())) {
                return off(remote, host, "encrypt=false", "set encrypt to true");
            }
            return new Status(false, "TLS on (encrypt=true, mssql-jdbc's default since version 10)"
                    + (Boolean.TRUE.equals(form.trustServerCertificate())
                    ? "; the server's certificate is not checked (trustServerCertificate=true)"
                    : "; the server's certificate is checked"));
        }
        if (form.dialect() == DbKind.POSTGRESQL) {
            String mode = form.sslmode() == null ? "prefer" : form.sslmode();
            return switch (mode) {
                case "require" -> new Status(false, "TLS required (sslmode=require); the server's certificate is not "
                        + "checked: verify-full checks it against sslrootcert (a driver property)");
                case "verify-ca", "verify-full" -> new Status(false, "TLS required and the server's certificate "
                        + "checked (sslmode=" + mode + "; the CA file is the sslrootcert driver property)");
                default -> off(remote, host, "sslmode=" + mode + (form.sslmode() == null ? ", the driver default" : ""),
                        "choose sslmode require or verify-full");
            };
        }
        return new Status(false, "TLS: set by the driver's properties");
    }

    private static Status off(boolean remote, String host, String setting, String fix) {
        if (remote) {
            return new Status(true, "warning: TLS is not enforced for " + host + " (" + setting + "): the password "
                    + "and every row may cross the network readable; " + fix);
        }
        return new Status(false, "TLS not enforced (" + setting + "); fine on this machine's loopback");
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("::1") || h.equals("[::1]") || h.startsWith("127.");
    }
}
