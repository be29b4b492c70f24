package com.example.shop.catalog.product;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;

/** Reads and maintains the catalogue: search, lookup, adding products and setting their stock. */
@Service
public class ProductCatalog {

    private final ProductRepository products;

    ProductCatalog(ProductRepository products) {
        this.products = products;
    }

    public ProductPage search(ProductSearch search) {
        return products.search(search);
    }

    public Product get(ProductId id) {
        return products.find(id).orElseThrow(() -> new ProductNotFoundException(id));
    }

    /** The products that exist among {@code ids}; unknown ids are left out. */
    public List<Product> getAll(Collection<ProductId> ids) {
        return products.findAll(ids);
    }

    /**
     * Adds a product. The sku is unique: a taken sku fails with {@link DuplicateSkuException} and writes nothing.
     */
    public Product add(NewProduct request) {
        var product = new Product(ProductId.random(), request.sku(), request.name(), request.description(),
                request.category(), request.price(), request.available());
        if (!products.insert(product)) {
            throw new DuplicateSkuException(request.sku());
        }
        return product;
    }

    /** Sets the stock that can be sold, for example after a delivery or a stock count. */
    public Product setStock(ProductId id, int available) {
        if (available < 0) {
            throw new IllegalArgumentException("available must not be negative");
        }
        if (!products.setAvailable(id, available)) {
            throw new ProductNotFoundException(id);
        }
        return get(id);
    }
}
