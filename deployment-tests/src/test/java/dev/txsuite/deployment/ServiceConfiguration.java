package dev.txsuite.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What one service reads from its environment, as its {@code application*.yml} files say: the variables of its
 * {@code ${NAME:default}} placeholders, and the environment form of every property those files set (Spring's
 * relaxed binding: {@code spring.datasource.url} is {@code SPRING_DATASOURCE_URL}).
 *
 * @param module the service's Maven module, also its name in docker-compose.yml and Kubernetes
 * @param port the port it listens on ({@code server.port})
 */
record ServiceConfiguration(String module, int port, Set<String> placeholders, Set<String> properties) {

    static final List<String> SERVICES =
            List.of("api-gateway", "order-service", "inventory-service", "payment-service", "tx-coordinator");

    static final List<String> PARTICIPANTS = List.of("order-service", "inventory-service", "payment-service");

    /** Read by every Spring Boot application, or by the JVM, whatever the service's own files say. */
    private static final Set<String> STANDARD =
            Set.of("SPRING_PROFILES_ACTIVE", "SERVER_PORT", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    static ServiceConfiguration of(String module) {
        var placeholders = new TreeSet<String>();
        var properties = new TreeSet<String>();
        Integer port = null;
        for (var file : applicationFiles(module)) {
            var text = Repository.read(file);
            PLACEHOLDER.matcher(text).results().forEach(match -> placeholders.add(match.group(1)));
            for (var document : Yaml.documents(text)) {
                collectProperties("", document, properties);
                if (file.getFileName().toString().equals("application.yml")) {
                    port = Integer.valueOf(Yaml.stringAt(document, "server.port"));
                }
            }
        }
        if (port == null) {
            throw new IllegalStateException(module + "'s application.yml sets no server.port");
        }
        return new ServiceConfiguration(module, port, placeholders, properties);
    }

    boolean reads(String variable) {
        return placeholders.contains(variable) || properties.contains(variable) || STANDARD.contains(variable);
    }

    /** The variables of {@code variables} this service never reads, sorted: a typo, or a setting it lost. */
    Set<String> unread(Collection<String> variables) {
        var unread = new TreeSet<String>();
        for (var variable : variables) {
            if (!reads(variable)) {
                unread.add(variable);
            }
        }
        return unread;
    }

    private static List<Path> applicationFiles(String module) {
        var resources = Repository.root().resolve(module).resolve("src/main/resources");
        try (var files = Files.list(resources)) {
            var found = files.filter(file -> file.getFileName().toString().matches("application(-[a-z]+)?\\.ya?ml"))
                    .sorted()
                    .toList();
            if (found.isEmpty()) {
                throw new IllegalStateException("no application*.yml in " + resources);
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + resources, e);
        }
    }

    private static void collectProperties(String prefix, Object node, Set<String> properties) {
        if (node instanceof Map<?, ?> map) {
            for (var entry : map.entrySet()) {
                var key = String.valueOf(entry.getKey());
                collectProperties(prefix.isEmpty() ? key : prefix + "." + key, entry.getValue(), properties);
            }
        } else if (node instanceof List<?> list) {
            for (var index = 0; index < list.size(); index++) {
                collectProperties(prefix + "[" + index + "]", list.get(index), properties);
            }
        } else {
            properties.add(environmentName(prefix));
        }
    }

    /** Spring Boot's environment form of a property: dots and brackets to underscores, dashes dropped. */
    private static String environmentName(String property) {
        var name = property.replace("-", "")
                .replace("[", "_")
                .replace("]", "")
                .replace(".", "_")
                .toUpperCase(Locale.ROOT);
        return name.replaceAll("_+", "_");
    }
}
