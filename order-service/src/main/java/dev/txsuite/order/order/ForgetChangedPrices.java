package dev.txsuite.order.order;

import dev.txsuite.events.CloudEventHeaders;
import dev.txsuite.events.ProcessedEvents;
import dev.txsuite.events.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drops a cached product when inventory publishes a change of its price (the record key is the sku). Every other
 * event of {@code inventory.events} (reserved, taken, released, stock changed: three or four an order) leaves the
 * cache alone and touches no database: stock does not change a price. Idempotent through {@link ProcessedEvents}: a
 * redelivered price change is recognised by its {@code ce_id} and changes nothing.
 *
 * <p>One consumer group for the service: right for the one order-service the suite runs. Instances that each
 * keep a cache would each need every event, so a group and a consumer name of their own.
 */
@Component
class ForgetChangedPrices {

    static final String CONSUMER = "order-price-cache";

    /** The inventory event after which a cached product is out of date. */
    static final String PRICE_CHANGED = "dev.txsuite.product.price-changed.v1";

    private final RecentLookups<InventoryCatalog.Product> prices;
    private final ProcessedEvents processedEvents;
    private final TransactionTemplate transactions;

    ForgetChangedPrices(
            RecentLookups<InventoryCatalog.Product> prices,
            ProcessedEvents processedEvents,
            TransactionTemplate transactions) {
        this.prices = prices;
        this.processedEvents = processedEvents;
        this.transactions = transactions;
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, topics = Topics.INVENTORY_EVENTS)
    public void on(ConsumerRecord<String, byte[]> event) {
        var eventId = header(event, CloudEventHeaders.ID);
        if (eventId == null || event.key() == null || !PRICE_CHANGED.equals(header(event, CloudEventHeaders.TYPE))) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            if (processedEvents.firstDelivery(CONSUMER, eventId)) {
                prices.forget(event.key());
            }
        });
    }

    private static String header(ConsumerRecord<?, ?> event, String name) {
        var header = event.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
