package dev.txsuite.inventory.stock;

import dev.txsuite.contract.order.IdempotencyKeyHeader;
import dev.txsuite.contract.stock.ProductNotFound;
import dev.txsuite.contract.stock.ProductView;
import dev.txsuite.contract.stock.RestockRequest;
import dev.txsuite.contract.stock.Restocked;
import dev.txsuite.contract.supply.SupplyProblem;
import java.net.URI;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/products")
class ProductController {

    private final ProductRepository products;
    private final Restock restock;

    ProductController(ProductRepository products, Restock restock) {
        this.products = products;
        this.restock = restock;
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

    /** Admin only (the gateway's login): adds units to the product's stock. */
    @PostMapping("/{sku}/restocks")
    ResponseEntity<Restocked> restock(
            @PathVariable String sku,
            @RequestBody RestockRequest request,
            @RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String idempotencyKey) {
        var restocked = restock.add(sku, request, SupplyProblem.checkKey(idempotencyKey));
        return ResponseEntity.created(URI.create("/api/products/" + sku)).body(restocked);
    }
}
