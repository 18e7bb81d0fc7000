package dev.txsuite.launcher.load;

import dev.txsuite.launcher.CommandLine;
import dev.txsuite.launcher.SuiteFailure;
import dev.txsuite.launcher.verify.VerifyCommand;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What {@code ./suite load <simulation> [--rate R] [--duration D] [--base-url URL] [--protocol-mix 2PC=50,3PC=50]
 * [--no-verify]} was asked for. What is not given keeps the simulation's own default.
 *
 * @param settings the system properties the simulation reads ({@code load.rate}, ...), only those given
 * @param verify whether {@code ./suite verify} follows the run (it needs a suite that {@code ./suite up} runs here)
 */
public record LoadOptions(LoadSimulation simulation, URI baseUrl, Map<String, String> settings, boolean verify) {

    private static final Pattern PROTOCOL_MIX = Pattern.compile("(2PC|3PC)=\\d+(,(2PC|3PC)=\\d+)?");

    public LoadOptions {
        settings = Map.copyOf(settings);
    }

    public static LoadOptions parse(List<String> arguments) {
        var command = CommandLine.parse(
                arguments, Set.of("--rate", "--duration", "--base-url", "--protocol-mix"), Set.of("--no-verify"));
        if (command.words().size() != 1) {
            throw new SuiteFailure("load takes one simulation (" + LoadSimulation.allNames() + "), not "
                    + (command.words().isEmpty() ? "none" : String.join(" ", command.words())));
        }
        var simulation = LoadSimulation.named(command.words().getFirst());
        var baseUrl = baseUrl(command.value("--base-url").orElse(VerifyCommand.DEFAULT_BASE_URL));
        var settings = new TreeMap<String, String>();
        settings.put("load.baseUrl", baseUrl.toString());
        command.positiveNumber("--rate").ifPresent(rate -> settings.put("load.rate", String.valueOf(rate)));
        command.duration("--duration")
                .map(LoadOptions::seconds)
                .ifPresent(seconds -> settings.put("load.duration", seconds));
        command.value("--protocol-mix")
                .map(LoadOptions::protocolMix)
                .ifPresent(mix -> settings.put("load.protocolMix", mix));
        return new LoadOptions(simulation, baseUrl, settings, !command.has("--no-verify"));
    }

    /** A few words for the report's title: the simulation and what was set. */
    public String description() {
        var given = new TreeMap<>(settings);
        given.remove("load.baseUrl");
        return simulation.shortName() + (given.isEmpty() ? "" : " " + given) + " against " + baseUrl;
    }

    private static URI baseUrl(String value) {
        try {
            var uri = new URI(value.strip().replaceAll("/+$", ""));
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new URISyntaxException(value, "not an http(s) URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new SuiteFailure(
                    "--base-url takes the gateway's URL such as http://localhost:8080, not '" + value + "'");
        }
    }

    private static String seconds(Duration duration) {
        if (duration.toSeconds() < 1) {
            throw new SuiteFailure("--duration must be at least 1s, was " + duration.toMillis() + " ms");
        }
        return duration.toSeconds() + "s";
    }

    private static String protocolMix(String value) {
        var mix = value.replace(" ", "").toUpperCase();
        if (!PROTOCOL_MIX.matcher(mix).matches() || !mix.matches(".*=0*[1-9].*")) {
            throw new SuiteFailure(
                    "--protocol-mix takes weights such as 2PC=50,3PC=50 or 3PC=100 (one above 0), not '" + value + "'");
        }
        return mix;
    }
}
