package io.poollab.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import java.util.HashMap;
import java.util.Map;

/**
 * A parsed YAML config together with where each key and value stands in the file, so that every problem found
 * later can name {@code file:line:col}. Paths are JSON pointers ({@code /pool/source/minimumIdle}).
 */
final class YamlDocument {

    private static final YAMLFactory YAML = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(YAML);

    private final String fileName;
    private final JsonNode root;
    private final Map<String, JsonLocation> keys = new HashMap<>();
    private final Map<String, JsonLocation> values = new HashMap<>();

    private YamlDocument(String fileName, JsonNode root) {
        this.fileName = fileName;
        this.root = root;
    }

    /** @throws ConfigException malformed YAML, with the parser's line and column */
    static YamlDocument parse(String fileName, String text) throws ConfigException {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException(malformed(fileName, e));
        }
        YamlDocument document = new YamlDocument(fileName, root == null ? MAPPER.createObjectNode() : root);
        document.indexLocations(text);
        return document;
    }

    /** SnakeYAML explains over several lines with a caret; a user gets one line with the place. */
    private static Problem malformed(String fileName, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? fileName : fileName + ":" + at.getLineNr() + ":" + at.getColumnNr();
        String message = e.getOriginalMessage();
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblem() != null) {
            Mark mark = yaml.getProblemMark();
            if (mark != null) {
                where = fileName + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
            }
            message = yaml.getProblem() + (yaml.getContext() == null ? "" : " " + yaml.getContext());
            if (yaml.getProblem().endsWith("but got {")) {
                message += "; inside { … } put values that contain ${…} in quotes";
            }
        }
        return Problem.error(where, "", "malformed YAML: " + message.lines().findFirst().orElse(message).trim());
    }

    JsonNode root() {
        return root;
    }

    /** {@code file:line:col} of the value at {@code pointer}, or of its nearest parent that is in the file. */
    String valueLocation(String pointer) {
        return locate(pointer, values);
    }

    /** {@code file:line:col} of the key that names {@code pointer}, falling back to the value. */
    String keyLocation(String pointer) {
        return keys.containsKey(pointer) ? format(keys.get(pointer)) : valueLocation(pointer);
    }

    String fileName() {
        return fileName;
    }

    private String locate(String pointer, Map<String, JsonLocation> index) {
        String path = pointer;
        while (true) {
            JsonLocation at = index.get(path);
            if (at == null && index == values) {
                at = keys.get(path);
            }
            if (at != null) {
                return format(at);
            }
            if (path.isEmpty()) {
                return fileName;
            }
            path = path.substring(0, path.lastIndexOf('/'));
        }
    }

    private String format(JsonLocation at) {
        return fileName + ":" + at.getLineNr() + ":" + at.getColumnNr();
    }

    // A second, token-level pass: the tree model keeps no locations. The tree reader stops after the first value, so
    // this pass can still meet malformed text after it (the fuzz test found a case): then it is malformed YAML.
    private void indexLocations(String text) throws ConfigException {
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                String pointer = parser.getParsingContext().pathAsPointer().toString();
                if (token == JsonToken.FIELD_NAME) {
                    keys.putIfAbsent(pointer, parser.currentTokenLocation());
                } else if (token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY) {
                    values.putIfAbsent(pointer, parser.currentTokenLocation());
                }
            }
        } catch (JsonProcessingException e) {
            throw new ConfigException(malformed(fileName, e));
        } catch (IOException e) {
            throw new IllegalStateException("reading YAML from a string failed", e);
        }
    }
}
