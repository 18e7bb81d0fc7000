package dev.txsuite.deployment;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker-compose.yml as {@code docker compose} reads it with a given env file: every {@code ${NAME}},
 * {@code ${NAME:-default}} and {@code ${NAME:?error}} substituted, then parsed. {@code raw} is the file as
 * written, to tell a value that comes from the env file from one written into the compose file.
 */
record ComposeFile(Map<String, Object> document, Map<String, Object> raw, Set<String> variablesUsed) {

    private static final Pattern VARIABLE =
            Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

    static ComposeFile withEnvFile(Path envFile) {
        var text = Repository.read(Repository.file("docker-compose.yml"));
        var variables = EnvFile.read(envFile);
        var used = new TreeSet<String>();
        var interpolated = VARIABLE.matcher(text).replaceAll(match -> {
            if (match.group().equals("$$")) {
                return "\\$";
            }
            used.add(match.group(1));
            return Matcher.quoteReplacement(substitute(match, variables));
        });
        return new ComposeFile(Yaml.document(interpolated), Yaml.document(text), used);
    }

    Map<String, Object> services() {
        return Yaml.mapAt(document, "services");
    }

    Map<String, Object> service(String name) {
        var service = services().get(name);
        if (service == null) {
            throw new IllegalArgumentException("docker-compose.yml has no service " + name);
        }
        return Yaml.map(service);
    }

    /** The environment compose gives a service's container (the image's own ENV aside). */
    Map<String, String> environment(String service) {
        return environmentOf(service(service));
    }

    /** The same, as written in the file: {@code ${NAME:?...}} where the value comes from the env file. */
    Map<String, String> rawEnvironment(String service) {
        return environmentOf(Yaml.map(Yaml.mapAt(raw, "services").get(service)));
    }

    private static Map<String, String> environmentOf(Map<String, Object> service) {
        var environment = new LinkedHashMap<String, String>();
        var declared = service.get("environment");
        if (declared instanceof Map<?, ?> map) {
            map.forEach((name, value) -> environment.put(String.valueOf(name), value == null ? "" : value.toString()));
        } else if (declared != null) {
            for (var entry : Yaml.list(declared)) {
                var parts = String.valueOf(entry).split("=", 2);
                environment.put(parts[0], parts.length == 2 ? parts[1] : "");
            }
        }
        return environment;
    }

    private static String substitute(MatchResult match, Map<String, String> variables) {
        var name = match.group(1);
        var operator = match.group(2);
        var argument = match.group(3);
        var value = variables.get(name);
        var missing = operator != null && operator.startsWith(":") ? value == null || value.isEmpty() : value == null;
        if (operator == null) {
            return value == null ? "" : value;
        }
        if (!missing) {
            return value;
        }
        if (operator.endsWith("?")) {
            throw new IllegalStateException("docker compose would refuse to start: " + name + ": " + argument);
        }
        return argument;
    }
}
