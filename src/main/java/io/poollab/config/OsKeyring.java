package io.poollab.config;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.PasswordAccessException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The operating system's keyring (macOS Keychain, Windows Credential Manager, the Secret Service or KWallet on
 * Linux) through java-keyring. Headless machines usually have none: {@link #isAvailable()} then says so, and the
 * GUI disables the keyring option. Errors are one line naming the service and account, never the password.
 */
public final class OsKeyring {

    /** The service name PoolLab files its entries under. */
    public static final String SERVICE = "poollab";

    private static final long PROBE_TIMEOUT_MS = 5_000;
    private static volatile Boolean available;

    private OsKeyring() {
    }

    /** Whether this machine has a keyring PoolLab can use; probed once, then remembered for the JVM's life. */
    public static boolean isAvailable() {
        Boolean known = available;
        if (known == null) {
            known = probe();
            if (!Thread.currentThread().isInterrupted()) {
                available = known;
            }
        }
        return known;
    }

    /** The stored password: read when a connection opens, never kept. */
    public static String read(String service, String account) throws ConfigException {
        try (com.github.javakeyring.Keyring keyring = open(service, account)) {
            return keyring.getPassword(service, account);
        } catch (PasswordAccessException e) {
            throw new ConfigException("the OS keyring has no password for account " + account + " of service "
                    + service + "; store one from the connection editor");
        } catch (ConfigException e) {
            throw e;
        } catch (Exception e) {
            throw failed("read", service, account, e);
        }
    }

    public static void store(String service, String account, String password) throws ConfigException {
        try (com.github.javakeyring.Keyring keyring = open(service, account)) {
            keyring.setPassword(service, account, password);
        } catch (ConfigException e) {
            throw e;
        } catch (Exception e) {
            throw failed("store", service, account, e);
        }
    }

    public static void delete(String service, String account) throws ConfigException {
        try (com.github.javakeyring.Keyring keyring = open(service, account)) {
            keyring.deletePassword(service, account);
        } catch (ConfigException e) {
            throw e;
        } catch (Exception e) {
            throw failed("delete", service, account, e);
        }
    }

    private static com.github.javakeyring.Keyring open(String service, String account) throws ConfigException {
        try {
            return com.github.javakeyring.Keyring.create();
        } catch (BackendNotSupportedException e) {
            throw new ConfigException("no OS keyring is available on this machine (service " + service
                    + ", account " + account + "); choose another password source");
        }
    }

    private static ConfigException failed(String action, String service, String account, Exception e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst()
                .orElse("").trim();
        return new ConfigException("cannot " + action + " the password of account " + account + " of service "
                + service + " in the OS keyring: " + reason);
    }

    // On Linux the probe talks to D-Bus, which can stall when the session bus is wedged: bound it, so that opening
    // the connection editor never waits on it for long.
    private static boolean probe() {
        CompletableFuture<Boolean> probe = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try (com.github.javakeyring.Keyring keyring = com.github.javakeyring.Keyring.create()) {
                probe.complete(keyring != null);
            } catch (Exception | LinkageError e) {
                probe.complete(false);
            }
        }, "poollab-keyring-probe");
        thread.setDaemon(true);
        thread.start();
        try {
            return probe.get(PROBE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
