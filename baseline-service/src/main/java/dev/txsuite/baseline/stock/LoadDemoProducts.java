package dev.txsuite.baseline.stock;

import dev.txsuite.contract.stock.DemoProduct;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Fills an empty catalog with the {@link DemoProduct}s, as inventory-service does, so that the README's curl and
 * the load tests run unchanged against the baseline. Off with DEMO_DATA=false.
 */
@Component
@ConditionalOnBooleanProperty(name = "txsuite.demo-data.enabled", matchIfMissing = true)
class LoadDemoProducts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LoadDemoProducts.class);

    static List<Product> demoProducts() {
        return DemoProduct.CATALOG.stream()
                .map(demo -> new Product(demo.sku(), demo.name(), demo.priceCents(), demo.currency(), demo.onHand(), 0))
                .toList();
    }

    private final Products products;

    LoadDemoProducts(Products products) {
        this.products = products;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (products.count() == 0) {
            var demo = demoProducts();
            demo.forEach(products::add);
            log.info("loaded {} demo products", demo.size());
        }
    }
}
