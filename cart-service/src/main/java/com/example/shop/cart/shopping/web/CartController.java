package com.example.shop.cart.shopping.web;

import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.cart.catalogue.CatalogueUnavailableException;
import com.example.shop.cart.catalogue.ProductId;
import com.example.shop.cart.shopping.CartProblems.LineNotInCartException;
import com.example.shop.cart.shopping.CartProblems.ProductNotInCatalogueException;
import com.example.shop.cart.shopping.CartProblems.QuantityLimitExceededException;
import com.example.shop.cart.shopping.CustomerId;
import com.example.shop.cart.shopping.ShoppingCarts;

/** The caller's own cart; the customer is always the token's subject, never a parameter. */
@RestController
@RequestMapping("/api/cart")
class CartController {

    private final ShoppingCarts carts;

    CartController(ShoppingCarts carts) {
        this.carts = carts;
    }

    @GetMapping
    CartResponse get(@AuthenticationPrincipal Jwt caller) {
        return CartResponse.from(carts.view(customer(caller)));
    }

    @PostMapping("/items")
    CartResponse add(@AuthenticationPrincipal Jwt caller, @Valid @RequestBody AddItemRequest request) {
        return CartResponse.from(carts.add(customer(caller), new ProductId(request.productId()), request.quantity()));
    }

    @PutMapping("/items/{productId}")
    CartResponse setQuantity(@AuthenticationPrincipal Jwt caller, @PathVariable UUID productId,
            @Valid @RequestBody SetQuantityRequest request) {
        return CartResponse.from(carts.setQuantity(customer(caller), new ProductId(productId), request.quantity()));
    }

    @DeleteMapping("/items/{productId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@AuthenticationPrincipal Jwt caller, @PathVariable UUID productId) {
        carts.remove(customer(caller), new ProductId(productId));
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clear(@AuthenticationPrincipal Jwt caller) {
        carts.clear(customer(caller));
    }

    private static CustomerId customer(Jwt caller) {
        try {
            return new CustomerId(UUID.fromString(caller.getSubject()));
        }
        catch (IllegalArgumentException | NullPointerException ex) {
            throw new ErrorResponseException(HttpStatus.FORBIDDEN,
                    ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "The token does not name a customer."), ex);
        }
    }

    @ExceptionHandler
    ProblemDetail productNotInCatalogue(ProductNotInCatalogueException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail lineNotInCart(LineNotInCartException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail quantityLimitExceeded(QuantityLimitExceededException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> catalogueUnavailable(CatalogueUnavailableException ex) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The product catalogue is not available right now; please try again shortly.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }
}
