package dev.txsuite.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Steady order placement, open model: {@code load.rate} new clients a second for {@code load.duration}, each
 * placing one order for one unit of a plentiful sku, paid by a customer who can afford it, with the commit
 * protocol drawn from {@code load.protocolMix}. Every order must be confirmed (201): anything else is KO, and a
 * KO fails the run.
 */
public class SteadyOrders extends Simulation {

    static final double DEFAULT_RATE = 5;
    static final Duration DEFAULT_DURATION = Duration.ofSeconds(60);

    private final LoadSettings settings = LoadSettings.fromSystemProperties(DEFAULT_RATE, DEFAULT_DURATION);

    {
        var orders = OrderFeeder.orders(
                new WeightedChoice<>(DemoData.CUSTOMERS_BY_BALANCE),
                new WeightedChoice<>(DemoData.SKUS_BY_STOCK),
                1,
                settings);
        var placeOrders = scenario("steady orders").exec(feed(orders), PlaceOrder.expecting("order #{protocol}", 201));
        setUp(placeOrders.injectOpen(constantUsersPerSec(settings.rate()).during(settings.duration())))
                .protocols(PlaceOrder.throughTheGateway(settings))
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void before() {
        StockBudget.supplyEnough(
                settings, DemoData.SKUS_BY_STOCK, DemoData.CUSTOMERS_BY_BALANCE, settings.ordersAtConstantRate());
        WarmUp.placeOrders(settings);
    }
}
