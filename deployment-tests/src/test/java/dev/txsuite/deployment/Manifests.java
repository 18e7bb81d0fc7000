package dev.txsuite.deployment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The resources one overlay renders, and the questions these tests ask of them. */
record Manifests(List<Map<String, Object>> resources) {

    List<Map<String, Object>> ofKind(String kind) {
        return resources.stream()
                .filter(resource -> kind.equals(resource.get("kind")))
                .toList();
    }

    Optional<Map<String, Object>> find(String kind, String name) {
        return ofKind(kind).stream()
                .filter(resource -> name.equals(Yaml.stringAt(resource, "metadata.name")))
                .findFirst();
    }

    Map<String, Object> get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name + " rendered"));
    }

    /** The first container of a workload's pod template (each of the suite's pods runs one). */
    static Map<String, Object> container(Map<String, Object> workload) {
        return Yaml.map(Yaml.listAt(workload, "spec.template.spec.containers").getFirst());
    }

    /**
     * The environment a workload's container gets, by name: its {@code env} entries (a value, or where the
     * value comes from: {@code secret:<name>/<key>}, {@code field:<path>}) and the keys of the ConfigMaps its
     * {@code envFrom} names.
     */
    Map<String, String> environment(Map<String, Object> workload) {
        var container = container(workload);
        var environment = new LinkedHashMap<String, String>();
        for (var source : Yaml.listAt(container, "envFrom")) {
            var configMap = Yaml.stringAt(source, "configMapRef.name");
            if (configMap == null) {
                throw new AssertionError("envFrom other than a ConfigMap: " + source);
            }
            Yaml.mapAt(get("ConfigMap", configMap), "data")
                    .forEach((name, value) -> environment.put(name, String.valueOf(value)));
        }
        for (var variable : Yaml.listAt(container, "env")) {
            environment.put(Yaml.stringAt(variable, "name"), valueOf(variable));
        }
        return environment;
    }

    private static String valueOf(Object variable) {
        if (Yaml.at(variable, "valueFrom.secretKeyRef") != null) {
            return "secret:" + Yaml.stringAt(variable, "valueFrom.secretKeyRef.name") + "/"
                    + Yaml.stringAt(variable, "valueFrom.secretKeyRef.key");
        }
        if (Yaml.at(variable, "valueFrom.fieldRef") != null) {
            return "field:" + Yaml.stringAt(variable, "valueFrom.fieldRef.fieldPath");
        }
        if (Yaml.at(variable, "valueFrom") != null) {
            return "from:" + Yaml.at(variable, "valueFrom");
        }
        return Yaml.stringAt(variable, "value");
    }
}
