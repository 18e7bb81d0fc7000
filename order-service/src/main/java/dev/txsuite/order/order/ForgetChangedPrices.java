package dev.txsuite.order.order;

import dev.txsuite.contract.stock.StockEvent;
import dev.txsuite.events.CloudEventHeaders;
import dev.txsuite.events.ProcessedEvents;
import dev.txsuite.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drops a cached product when inventory publishes a change of its sku (the record key). Idempotent through
 * {@link ProcessedEvents}: a redelivered event is recognised by its {@code ce_id} and changes nothing.
 *
 * <p>One consumer group for the service: right for the one order-service the suite runs. Instances that each
 * keep a cache would each need every event, so a group and a consumer name of their own.
 */
@Component
class ForgetChangedPrices {

    static final String CONSUMER = "order-price-cache";

    /** The inventory events after which a cached product may be out of date. */
    static final Set<String> CHANGES = Set.of(StockEvent.CHANGED, "dev.txsuite.product.price-changed.v1");

    private final ProductPrices prices;
    private final ProcessedEvents processedEvents;

    ForgetChangedPrices(ProductPrices prices, ProcessedEvents processedEvents) {
        this.prices = prices;
        this.processedEvents = processedEvents;
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, topics = Topics.INVENTORY_EVENTS)
    @Transactional
    public void on(ConsumerRecord<String, byte[]> event) {
        var eventId = header(event, CloudEventHeaders.ID);
        var type = header(event, CloudEventHeaders.TYPE);
        if (eventId == null || type == null || event.key() == null || !CHANGES.contains(type)) {
            return;
        }
        if (processedEvents.firstDelivery(CONSUMER, eventId)) {
            prices.forget(event.key());
        }
    }

    private static String header(ConsumerRecord<?, ?> event, String name) {
        var header = event.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
