package dev.txsuite.inventory.stock;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** Fills an empty catalog with the products the README's first curl orders. Off with DEMO_DATA=false. */
@Component
@ConditionalOnBooleanProperty(name = "txsuite.demo-data.enabled", matchIfMissing = true)
class LoadDemoProducts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LoadDemoProducts.class);

    static List<Product> demoProducts() {
        return List.of(
                new Product("COFFEE-BEANS-1KG", "Coffee beans, 1 kg", 1800, "USD", 100),
                new Product("MUG-CERAMIC", "Ceramic mug", 1200, "USD", 50),
                new Product("KETTLE-ELECTRIC", "Electric kettle", 4500, "USD", 20),
                new Product("GRINDER-BURR", "Burr grinder", 12900, "USD", 10),
                new Product("FILTER-PAPERS", "Filter papers, 100", 450, "USD", 500),
                new Product("DRIPPER-LIMITED", "Limited edition dripper", 8900, "USD", 2));
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
