package io.poollab.ui.run;

import io.poollab.config.PoolSettings;
import io.poollab.config.Problem;
import io.poollab.config.RunSpecValidator;
import io.poollab.config.Side;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One side's HikariCP settings as typed: text, so that a bad value can be shown next to its field with the reason
 * instead of being refused by a spinner without a word. {@link #read} turns them into {@link PoolSettings} and
 * collects every problem, from parsing and from {@link RunSpecValidator}, keyed by HikariCP property name.
 */
public final class PoolForm {

    /** HikariCP's property names, in the order the form shows them, with what each does and its unit. */
    public static final Map<String, String> FIELDS = fields();

    private final Side side;
    private final Map<String, StringProperty> values = new LinkedHashMap<>();
    private final Map<String, StringProperty> errors = new LinkedHashMap<>();

    PoolForm(Side side, PoolSettings initial) {
        this.side = side;
        for (String field : FIELDS.keySet()) {
            values.put(field, new SimpleStringProperty());
            errors.put(field, new SimpleStringProperty());
        }
        show(initial);
    }

    private static Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("maximumPoolSize", "The most connections this pool opens (connections). Workers beyond it wait.");
        f.put("minimumIdle", "Connections kept open while idle (connections). Equal to maximumPoolSize: a fixed, "
                + "warm pool.");
        f.put("connectionTimeout", "How long a worker waits for a connection before failing (ms, at least 250).");
        f.put("idleTimeout", "Idle connections above minimumIdle close after this (ms; 0 = never, else at least "
                + "10000).");
        f.put("maxLifetime", "A connection is retired after this age (ms; 0 = no limit, else at least 30000).");
        f.put("keepaliveTime", "Idle connections are pinged this often to keep them alive (ms; 0 = off, else at "
                + "least 30000 and below maxLifetime).");
        return java.util.Collections.unmodifiableMap(f);
    }

    void show(PoolSettings s) {
        values.get("maximumPoolSize").set(String.valueOf(s.maximumPoolSize()));
        values.get("minimumIdle").set(String.valueOf(s.minimumIdle()));
        values.get("connectionTimeout").set(String.valueOf(s.connectionTimeoutMs()));
        values.get("idleTimeout").set(String.valueOf(s.idleTimeoutMs()));
        values.get("maxLifetime").set(String.valueOf(s.maxLifetimeMs()));
        values.get("keepaliveTime").set(String.valueOf(s.keepaliveTimeMs()));
    }

    /** The settings, or empty with every field's problem set in {@link #errorProperty}. */
    Optional<PoolSettings> read() {
        errors.values().forEach(e -> e.set(null));
        Long max = number("maximumPoolSize");
        Long minIdle = number("minimumIdle");
        Long connection = number("connectionTimeout");
        Long idle = number("idleTimeout");
        Long lifetime = number("maxLifetime");
        Long keepalive = number("keepaliveTime");
        if (max == null || minIdle == null || connection == null || idle == null || lifetime == null
                || keepalive == null) {
            return Optional.empty();
        }
        PoolSettings defaults = PoolSettings.defaultsFor(1);
        PoolSettings settings = new PoolSettings((int) Math.min(Integer.MAX_VALUE, max),
                (int) Math.min(Integer.MAX_VALUE, minIdle), connection, idle, lifetime, keepalive,
                defaults.validationTimeoutMs(), defaults.leakDetectionThresholdMs());
        List<Problem> problems = new ArrayList<>(RunSpecValidator.validatePool(side, settings));
        problems.removeIf(p -> !p.isError());
        for (Problem p : problems) {
            String field = p.field().substring(p.field().lastIndexOf('.') + 1);
            StringProperty error = errors.get(field.endsWith("Ms") ? field.substring(0, field.length() - 2) : field);
            if (error != null && error.get() == null) {
                error.set(p.message());
            } else if (error == null) {
                errors.get("maximumPoolSize").set(p.field() + ": " + p.message());
            }
        }
        return problems.isEmpty() ? Optional.of(settings) : Optional.empty();
    }

    private Long number(String field) {
        String text = values.get(field).get() == null ? "" : values.get(field).get().trim().replace("_", "");
        if (text.isEmpty()) {
            errors.get(field).set("is required");
            return null;
        }
        try {
            long value = Long.parseLong(text);
            if (value < 0) {
                errors.get(field).set(value + " is negative");
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            errors.get(field).set("\"" + text + "\" is not a whole number");
            return null;
        }
    }

    public Side side() {
        return side;
    }

    public StringProperty valueProperty(String field) {
        return values.get(field);
    }

    /** The reason the field's value is refused, or null. */
    public StringProperty errorProperty(String field) {
        return errors.get(field);
    }
}
