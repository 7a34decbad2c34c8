package io.poollab.ui.connections;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Advanced driver properties as the editor shows them: one {@code key=value} per line, {@code #} comments. */
final class PropertiesText {

    private PropertiesText() {
    }

    static String format(Map<String, String> properties) {
        return properties.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
    }

    /** @throws IllegalArgumentException naming the line that is not {@code key=value} */
    static Map<String, String> parse(String text) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (text == null) {
            return properties;
        }
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("line " + (i + 1) + ": \"" + line + "\" is not key=value");
            }
            properties.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return properties;
    }
}
