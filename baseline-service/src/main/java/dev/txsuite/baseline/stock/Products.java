package dev.txsuite.baseline.stock;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The {@code product} table. */
@Repository
public class Products {

    private static final String COLUMNS = "sku, name, price_cents, currency, on_hand, reserved";

    private final JdbcClient jdbc;

    Products(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the products of these skus (SELECT ... FOR UPDATE) until the transaction ends, always in sku order so
     * that two orders of the same skus can never deadlock. An unknown sku is missing from the answer.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Product> lockInSkuOrder(Collection<String> skus) {
        return jdbc
                .sql("select " + COLUMNS + " from product where sku in (:skus) order by sku for update")
                .param("skus", List.copyOf(skus))
                .query(Product.class)
                .list()
                .stream()
                .collect(Collectors.toMap(Product::sku, Function.identity()));
    }

    /**
     * The units leave the warehouse; guarded, so that stock can never go below zero even if a caller forgot the
     * lock.
     *
     * @return the product after the change
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Product take(String sku, int quantity) {
        return jdbc.sql("update product set on_hand = on_hand - :quantity"
                        + " where sku = :sku and on_hand - reserved >= :quantity returning " + COLUMNS)
                .param("quantity", quantity)
                .param("sku", sku)
                .query(Product.class)
                .optional()
                .orElseThrow(() -> new IllegalStateException("fewer than " + quantity + " units of " + sku + " left"));
    }

    public Optional<Product> find(String sku) {
        return jdbc.sql("select " + COLUMNS + " from product where sku = :sku")
                .param("sku", sku)
                .query(Product.class)
                .optional();
    }

    /** A page of the catalog, by sku. */
    public Page<Product> page(Pageable page) {
        var content = jdbc.sql("select " + COLUMNS + " from product order by sku limit :limit offset :offset")
                .param("limit", page.getPageSize())
                .param("offset", page.getOffset())
                .query(Product.class)
                .list();
        return new PageImpl<>(content, page, count());
    }

    public long count() {
        return jdbc.sql("select count(*) from product").query(Long.class).single();
    }

    public void add(Product product) {
        jdbc.sql("insert into product (" + COLUMNS
                        + ") values (:sku, :name, :priceCents, :currency, :onHand, :reserved)")
                .paramSource(product)
                .update();
    }
}
