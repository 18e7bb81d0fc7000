package dev.txsuite.inventory.stock;

import dev.txsuite.contract.stock.ProductNotFound;
import dev.txsuite.contract.stock.ProductView;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/products")
class ProductController {

    private final ProductRepository products;

    ProductController(ProductRepository products) {
        this.products = products;
    }

    /** A page of the catalog, always by sku: a client-chosen sort could name a property that does not exist. */
    @GetMapping
    PagedModel<ProductView> list(Pageable pageable) {
        var bySku = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), Sort.by("sku"));
        return new PagedModel<>(products.findAll(bySku).map(Product::toView));
    }

    @GetMapping("/{sku}")
    ProductView one(@PathVariable String sku) {
        return products.findById(sku).map(Product::toView).orElseThrow(() -> new ProductNotFound(sku));
    }
}
