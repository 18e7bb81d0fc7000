package dev.txsuite.baseline.stock;

import dev.txsuite.contract.stock.ProductNotFound;
import dev.txsuite.contract.stock.ProductView;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/products")
class ProductController {

    private final Products products;

    ProductController(Products products) {
        this.products = products;
    }

    /** A page of the catalog, always by sku, as inventory-service answers it. */
    @GetMapping
    PagedModel<ProductView> list(Pageable pageable) {
        var page = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize());
        return new PagedModel<>(products.page(page).map(Product::toView));
    }

    @GetMapping("/{sku}")
    ProductView one(@PathVariable String sku) {
        return products.find(sku).map(Product::toView).orElseThrow(() -> new ProductNotFound(sku));
    }
}
