package dev.txsuite.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** YAML documents as plain maps and lists, and the few ways these tests walk them. */
final class Yaml {

    private Yaml() {}

    /** Every document of a (multi-document) text; empty documents left out. */
    static List<Map<String, Object>> documents(String text) {
        var yaml = new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions()));
        var documents = new ArrayList<Map<String, Object>>();
        for (var document : yaml.loadAll(text)) {
            if (document != null) {
                documents.add(map(document));
            }
        }
        return documents;
    }

    static Map<String, Object> document(String text) {
        var documents = documents(text);
        if (documents.size() != 1) {
            throw new IllegalArgumentException("expected one YAML document, found " + documents.size());
        }
        return documents.getFirst();
    }

    /** The value at a dotted path ({@code spec.template.spec}), or null where any part is missing. */
    static Object at(Object node, String path) {
        var current = node;
        for (var key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    static Map<String, Object> mapAt(Object node, String path) {
        var value = at(node, path);
        return value == null ? Map.of() : map(value);
    }

    static List<Object> listAt(Object node, String path) {
        var value = at(node, path);
        return value == null ? List.of() : list(value);
    }

    /** The scalar at a path as a string (YAML numbers and booleans too), or null. */
    static String stringAt(Object node, String path) {
        var value = at(node, path);
        return value == null ? null : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        if (!(node instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("expected a mapping, found " + node);
        }
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        if (!(node instanceof List<?>)) {
            throw new IllegalArgumentException("expected a sequence, found " + node);
        }
        return (List<Object>) node;
    }
}
