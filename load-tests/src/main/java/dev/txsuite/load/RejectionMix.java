package dev.txsuite.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Orders the suite must turn down, among good ones: half are good (201, or 409 OUT_OF_STOCK once the pool runs
 * dry), a fifth cannot be paid (dave's 5 dollars for two FILTER-PAPERS: 409, the transaction aborted), and the
 * rest name a sku or a customer that does not exist (422, no transaction started). Each kind is a request of
 * its own in the report. An expected 409 or 422 is OK; anything else, a 5xx above all, is KO.
 */
public class RejectionMix extends Simulation {

    static final double DEFAULT_RATE = 5;
    static final Duration DEFAULT_DURATION = Duration.ofSeconds(60);

    private final LoadSettings settings = LoadSettings.fromSystemProperties(DEFAULT_RATE, DEFAULT_DURATION);

    {
        var customers = new WeightedChoice<>(DemoData.CUSTOMERS_BY_BALANCE);
        var skus = new WeightedChoice<>(DemoData.SKUS_BY_STOCK);
        var good = OrderFeeder.orders(customers, skus, 1, settings);
        var unpayable = OrderFeeder.orders(() -> DemoData.POOR_CUSTOMER, () -> DemoData.CHEAP_SKU, 2, settings);
        var unknownSku = OrderFeeder.orders(customers, () -> "NO-SUCH-SKU", 1, settings);
        var unknownCustomer = OrderFeeder.orders(() -> "nobody", skus, 1, settings);
        var mix = scenario("rejections among good orders")
                .exec(randomSwitch()
                        .on(
                                percent(50)
                                        .then(exec(
                                                feed(good), PlaceOrder.expecting("good order #{protocol}", 201, 409))),
                                percent(20)
                                        .then(exec(
                                                feed(unpayable),
                                                PlaceOrder.expecting("insufficient funds #{protocol}", 409))),
                                percent(15).then(exec(feed(unknownSku), PlaceOrder.expecting("unknown sku", 422))),
                                percent(15)
                                        .then(exec(
                                                feed(unknownCustomer),
                                                PlaceOrder.expecting("unknown customer", 422)))));
        setUp(mix.injectOpen(constantUsersPerSec(settings.rate()).during(settings.duration())))
                .protocols(PlaceOrder.throughTheGateway(settings))
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void before() {
        WarmUp.placeOrders(settings);
    }
}
