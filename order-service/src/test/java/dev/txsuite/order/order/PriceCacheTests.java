package dev.txsuite.order.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.txsuite.order.order.InventoryCatalog.Product;
import dev.txsuite.testing.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/** The product and account caches, and how inventory.events keeps the products true. */
class PriceCacheTests extends RunningOrderService {

    static final KafkaProducer<String, String> INVENTORY_EVENTS = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
            new StringSerializer(),
            new StringSerializer());

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @AfterAll
    static void stopProducing() {
        INVENTORY_EVENTS.close();
    }

    @BeforeEach
    void listenerIsReading() {
        // a record sent before the consumer group has its partitions would be skipped (it starts at the end)
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !listeners
                        .getListenerContainer(ForgetChangedPrices.CONSUMER)
                        .getAssignedPartitions()
                        .isEmpty());
    }

    @Test
    void shouldLookAProductUpOnceWhileItIsCached() {
        var order = "{\"customerId\":\"alice\",\"items\":[{\"sku\":\"KETTLE-ELECTRIC\",\"quantity\":1}]}";

        placeOrder(order).expectStatus().isCreated();
        placeOrder(order).expectStatus().isCreated();

        assertThat(inventoryLookups()).containsExactly("/api/products/KETTLE-ELECTRIC");
        assertThat(PAYMENT.received()).extracting(FakeService.Request::path).containsExactly("/api/accounts/alice");
    }

    @Test
    void shouldKeepAProductWhoseStockChanges() {
        var sku = cachedSku();
        var later = cachedSku();

        send(0, stockChanged(sku, UUID.randomUUID().toString()));
        send(0, priceChanged(later, UUID.randomUUID().toString()));

        // same partition: once the later event is handled, the stock change was too
        await().atMost(Duration.ofSeconds(30)).until(() -> !prices.isCached(later));
        assertThat(prices.isCached(sku)).isTrue();
    }

    @Test
    void shouldForgetAProductWhenItsPriceChanges() {
        var sku = cachedSku();

        send(0, priceChanged(sku, UUID.randomUUID().toString()));

        await().atMost(Duration.ofSeconds(30)).until(() -> !prices.isCached(sku));
    }

    @Test
    void shouldChangeNothingWhenAnEventIsDeliveredAgain() {
        var sku = cachedSku();
        var eventId = UUID.randomUUID().toString();
        send(0, priceChanged(sku, eventId));
        await().atMost(Duration.ofSeconds(30)).until(() -> !prices.isCached(sku));
        cache(sku);

        var later = cachedSku();
        send(0, priceChanged(sku, eventId));
        // same partition: once the later event is handled, the redelivered one was too
        send(0, priceChanged(later, UUID.randomUUID().toString()));

        await().atMost(Duration.ofSeconds(30)).until(() -> !prices.isCached(later));
        assertThat(prices.isCached(sku)).isTrue();
        assertThat(jdbc.sql(
                                "select count(*) from processed_event where consumer = 'order-price-cache' and event_id = ?")
                        .param(eventId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void shouldIgnoreInventoryEventsThatChangeNoPrice() {
        var sku = cachedSku();
        var later = cachedSku();

        send(0, event(sku, UUID.randomUUID().toString(), "dev.txsuite.stock.reserved.v1"));
        send(0, priceChanged(later, UUID.randomUUID().toString()));

        await().atMost(Duration.ofSeconds(30)).until(() -> !prices.isCached(later));
        assertThat(prices.isCached(sku)).isTrue();
    }

    private static List<String> inventoryLookups() {
        return INVENTORY.received().stream().map(FakeService.Request::path).toList();
    }

    private String cachedSku() {
        var sku = "TEST-" + UUID.randomUUID();
        cache(sku);
        return sku;
    }

    private void cache(String sku) {
        prices.find(sku, unknown -> Optional.of(new Product(unknown, "Test product", 100, "USD")));
        assertThat(prices.isCached(sku)).isTrue();
    }

    private static ProducerRecord<String, String> stockChanged(String sku, String eventId) {
        return event(sku, eventId, "dev.txsuite.stock.changed.v1");
    }

    private static ProducerRecord<String, String> priceChanged(String sku, String eventId) {
        return event(sku, eventId, ForgetChangedPrices.PRICE_CHANGED);
    }

    private static ProducerRecord<String, String> event(String sku, String eventId, String type) {
        var body = "{\"eventId\":\"%s\",\"type\":\"%s\",\"sku\":\"%s\"}".formatted(eventId, type, sku);
        return new ProducerRecord<>(
                "inventory.events",
                null,
                sku,
                body,
                List.of(
                        new RecordHeader("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8)),
                        new RecordHeader("ce_id", eventId.getBytes(StandardCharsets.UTF_8)),
                        new RecordHeader("ce_type", type.getBytes(StandardCharsets.UTF_8))));
    }

    private static void send(int partition, ProducerRecord<String, String> record) {
        try {
            INVENTORY_EVENTS
                    .send(new ProducerRecord<>(
                            record.topic(), partition, record.key(), record.value(), record.headers()))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send " + record, e);
        }
    }
}
