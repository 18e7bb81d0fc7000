package dev.txsuite.inventory.stock;

import dev.txsuite.contract.stock.DemoProduct;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** Fills an empty catalog with the {@link DemoProduct}s. Off with DEMO_DATA=false. */
@Component
@ConditionalOnBooleanProperty(name = "txsuite.demo-data.enabled", matchIfMissing = true)
class LoadDemoProducts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LoadDemoProducts.class);

    static List<Product> demoProducts() {
        return DemoProduct.CATALOG.stream()
                .map(demo -> new Product(demo.sku(), demo.name(), demo.priceCents(), demo.currency(), demo.onHand()))
                .toList();
    }

    private final ProductRepository products;

    LoadDemoProducts(ProductRepository products) {
        this.products = products;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (products.count() == 0) {
            var loaded = products.saveAll(demoProducts());
            log.info("loaded {} demo products", loaded.size());
        }
    }
}
