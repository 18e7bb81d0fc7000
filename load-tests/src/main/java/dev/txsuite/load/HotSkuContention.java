package dev.txsuite.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.HashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Contention on one product: nine orders in ten want the hot sku ({@code load.hotSku}, default
 * COFFEE-BEANS-1KG with 100 units), so concurrent transactions reserve the same stock row until it sells out;
 * the rest buy from the plentiful pool. Confirmed (201) and sold out (409 OUT_OF_STOCK) are both correct
 * answers; the stock invariant checked afterwards is what proves that nothing was sold twice.
 */
public class HotSkuContention extends Simulation {

    static final double DEFAULT_RATE = 10;
    static final Duration DEFAULT_DURATION = Duration.ofSeconds(30);
    private static final double HOT_SHARE = 0.9;

    private final LoadSettings settings = LoadSettings.fromSystemProperties(DEFAULT_RATE, DEFAULT_DURATION);
    private final String hotSku = System.getProperty("load.hotSku", DemoData.HOT_SKU);

    {
        var others = new HashMap<>(DemoData.SKUS_BY_STOCK);
        others.remove(hotSku);
        var otherSkus = new WeightedChoice<>(others);
        var orders = OrderFeeder.orders(
                new WeightedChoice<>(DemoData.CUSTOMERS_BY_BALANCE),
                () -> ThreadLocalRandom.current().nextDouble() < HOT_SHARE ? hotSku : otherSkus.get(),
                1,
                settings);
        var placeOrders =
                scenario("hot sku " + hotSku).exec(feed(orders), PlaceOrder.expecting("order #{protocol}", 201, 409));
        setUp(placeOrders.injectOpen(constantUsersPerSec(settings.rate()).during(settings.duration())))
                .protocols(PlaceOrder.throughTheGateway(settings))
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void before() {
        WarmUp.placeOrders(settings);
    }
}
