package io.poollab.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Typed, located access to a {@link YamlDocument}. Every mistake (an unknown key, a wrong type, a value outside an
 * enumeration) is collected as a {@link Problem} at its {@code file:line:col}, so one pass reports them all.
 */
final class ConfigTree {

    private final YamlDocument document;
    private final List<Problem> problems = new ArrayList<>();

    ConfigTree(YamlDocument document) {
        this.document = document;
    }

    Node root() {
        return new Node(document.root(), "", "");
    }

    List<Problem> problems() {
        return problems;
    }

    void report(Node node, String message) {
        problems.add(Problem.error(document.valueLocation(node.pointer), node.field, message));
    }

    /** One mapping (or absent key) of the config, with its path for messages. */
    final class Node {

        private final JsonNode json;
        private final String pointer;
        private final String field;

        private Node(JsonNode json, String pointer, String field) {
            this.json = json;
            this.pointer = pointer;
            this.field = field;
        }

        boolean isPresent() {
            return !json.isMissingNode() && !json.isNull();
        }

        String field() {
            return field;
        }

        Node child(String key) {
            JsonNode value = json.isObject() ? json.path(key) : MissingNode.getInstance();
            return new Node(value, pointer + "/" + key, field.isEmpty() ? key : field + "." + key);
        }

        /** The value itself when it is a plain text scalar (a table given as just its name). */
        java.util.Optional<String> scalarText() {
            return json.isTextual() ? java.util.Optional.of(json.asText()) : java.util.Optional.empty();
        }

        boolean has(String key) {
            return child(key).isPresent();
        }

        /** A nested mapping; reports a problem and returns an absent node when the value is not a mapping. */
        Node mapping(String key) {
            Node child = child(key);
            if (child.isPresent() && !child.json.isObject()) {
                report(child, "must be a mapping of keys to values, got " + describe(child.json));
                return new Node(MissingNode.getInstance(), child.pointer, child.field);
            }
            return child;
        }

        List<Node> list(String key) {
            Node child = child(key);
            List<Node> items = new ArrayList<>();
            if (!child.isPresent()) {
                return items;
            }
            if (!child.json.isArray()) {
                report(child, "must be a list, got " + describe(child.json));
                return items;
            }
            for (int i = 0; i < child.json.size(); i++) {
                items.add(new Node(child.json.get(i), child.pointer + "/" + i, child.field + "[" + i + "]"));
            }
            return items;
        }

        /** Reports every key of this mapping that is not in {@code allowed}, with the nearest valid one. */
        void allowOnly(String... allowed) {
            if (!json.isObject()) {
                if (isPresent()) {
                    report(this, "must be a mapping of keys to values, got " + describe(json));
                }
                return;
            }
            Iterator<String> names = json.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (Arrays.asList(allowed).contains(name)) {
                    continue;
                }
                String where = document.keyLocation(pointer + "/" + name);
                String path = field.isEmpty() ? name : field + "." + name;
                String hint = Suggest.nearest(name, List.of(allowed))
                        .map(s -> "did you mean \"" + s + "\"?")
                        .orElse("expected one of " + String.join(", ", allowed));
                problems.add(Problem.error(where, path, "unknown key \"" + name + "\"; " + hint));
            }
        }

        Optional<String> text(String key) {
            Node child = child(key);
            if (!child.isPresent()) {
                return Optional.empty();
            }
            if (!child.json.isValueNode() || child.json.isBinary()) {
                report(child, "must be a single value, got " + describe(child.json));
                return Optional.empty();
            }
            return Optional.of(child.json.asText());
        }

        OptionalLong number(String key) {
            Node child = child(key);
            if (!child.isPresent()) {
                return OptionalLong.empty();
            }
            if (!child.json.isIntegralNumber() || !child.json.canConvertToLong()) {
                report(child, "must be a whole number, got " + describe(child.json));
                return OptionalLong.empty();
            }
            return OptionalLong.of(child.json.asLong());
        }

        /** A number that may have a fraction, such as a bandwidth in Mbit/s. */
        java.util.OptionalDouble decimal(String key) {
            Node child = child(key);
            if (!child.isPresent()) {
                return java.util.OptionalDouble.empty();
            }
            if (!child.json.isNumber()) {
                report(child, "must be a number, got " + describe(child.json));
                return java.util.OptionalDouble.empty();
            }
            return java.util.OptionalDouble.of(child.json.asDouble());
        }

        <E extends Enum<E> & ConfigValue> Optional<E> choice(String key, Class<E> type) {
            Optional<String> text = text(key);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            Optional<E> value = ConfigValue.fromId(type, text.get());
            if (value.isEmpty()) {
                List<String> ids = ConfigValue.ids(type);
                String hint = Suggest.nearest(text.get(), ids).map(s -> "; did you mean \"" + s + "\"?").orElse("");
                report(child(key), "\"" + text.get() + "\" is not one of " + String.join(", ", ids) + hint);
            }
            return value;
        }

        /** The mapping's entries as text, for free-form maps such as driver properties. */
        java.util.Map<String, String> stringMap(String key) {
            Node child = mapping(key);
            java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
            if (child.isPresent()) {
                child.json.properties().forEach(entry -> {
                    if (entry.getValue().isValueNode()) {
                        map.put(entry.getKey(), entry.getValue().asText());
                    } else {
                        report(child.child(entry.getKey()), "must be a single value, got "
                                + describe(entry.getValue()));
                    }
                });
            }
            return map;
        }

        void error(String message) {
            report(this, message);
        }
    }

    private static String describe(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        return node.isTextual() ? "\"" + node.asText() + "\"" : node.asText();
    }
}
