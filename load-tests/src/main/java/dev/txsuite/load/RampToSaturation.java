package dev.txsuite.load;

import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Arrivals ramp from one order a second up to {@code load.rate} over {@code load.duration}, past what the suite
 * can serve: the report's response times and answers per second show where it saturates. Any answer of the
 * contract is OK (201, 409 once the stock runs out, 202 when the outcome was late); a 5xx, a 429 from the
 * gateway's rate limit or a timeout is KO, and expected here: this run has no pass mark but the invariants.
 */
public class RampToSaturation extends Simulation {

    static final double DEFAULT_RATE = 60;
    static final Duration DEFAULT_DURATION = Duration.ofSeconds(120);

    private final LoadSettings settings = LoadSettings.fromSystemProperties(DEFAULT_RATE, DEFAULT_DURATION);

    {
        var orders = OrderFeeder.orders(
                new WeightedChoice<>(DemoData.CUSTOMERS_BY_BALANCE),
                new WeightedChoice<>(DemoData.SKUS_BY_STOCK),
                1,
                settings);
        var placeOrders = scenario("ramp to saturation")
                .exec(feed(orders), PlaceOrder.expecting("order #{protocol}", 201, 202, 409));
        setUp(placeOrders.injectOpen(rampUsersPerSec(1).to(settings.rate()).during(settings.duration())))
                .protocols(PlaceOrder.throughTheGateway(settings));
    }

    @Override
    public void before() {
        WarmUp.placeOrders(settings);
    }
}
