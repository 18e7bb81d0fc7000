package dev.txsuite.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * One step of {@code ./suite bench}: {@code load.rate} new clients a second for {@code load.duration} (open model),
 * each placing one order for one unit with the one protocol {@code load.protocol} (2PC or 3PC through the gateway,
 * LOCAL against the baseline), every demo customer and product drawn evenly so that no row is hotter than another.
 * Only a 201 is OK: the bench counts a KO that found 409 as an abort and any other KO as an error. No pass mark and
 * no warm-up here: the bench warms each system up with a step of its own. It expects the bench's top-up: every
 * product and account holds far more than a run can take, so a 409 means the transaction itself gave up.
 */
public class BenchmarkStep extends Simulation {

    static final double DEFAULT_RATE = 10;
    static final Duration DEFAULT_DURATION = Duration.ofSeconds(30);
    private static final List<String> PROTOCOLS = List.of("2PC", "3PC", "LOCAL");

    private final LoadSettings settings = LoadSettings.fromSystemProperties(DEFAULT_RATE, DEFAULT_DURATION);
    private final String protocol = protocol(System.getProperty("load.protocol", "2PC"));

    {
        var orders = OrderFeeder.orders(
                WeightedChoice.evenly(DemoData.ALL_CUSTOMERS),
                WeightedChoice.evenly(DemoData.ALL_SKUS),
                1,
                () -> protocol);
        var placeOrders =
                scenario("bench " + protocol).exec(feed(orders), PlaceOrder.expecting("order " + protocol, 201));
        setUp(placeOrders.injectOpen(constantUsersPerSec(settings.rate()).during(settings.duration())))
                .protocols(PlaceOrder.throughTheGateway(settings));
    }

    static String protocol(String value) {
        var protocol = value.strip().toUpperCase(Locale.ROOT);
        if (!PROTOCOLS.contains(protocol)) {
            throw new IllegalArgumentException("load.protocol takes one of " + PROTOCOLS + ", not '" + value + "'");
        }
        return protocol;
    }
}
