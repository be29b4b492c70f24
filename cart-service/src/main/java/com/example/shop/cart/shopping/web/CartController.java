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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.cart.catalogue.CatalogueUnavailableException;
import com.example.shop.cart.catalogue.ProductId;
import com.example.shop.cart.shopping.CartProblems.CartNotFoundException;
import com.example.shop.cart.shopping.CartProblems.LineLimitExceededException;
import com.example.shop.cart.shopping.CartProblems.LineNotInCartException;
import com.example.shop.cart.shopping.CartProblems.ProductNotInCatalogueException;
import com.example.shop.cart.shopping.CartProblems.QuantityLimitExceededException;
import com.example.shop.cart.shopping.CartToken;
import com.example.shop.cart.shopping.CustomerId;
import com.example.shop.cart.shopping.PricedCart;
import com.example.shop.cart.shopping.Shopper;
import com.example.shop.cart.shopping.ShoppingCarts;

/**
 * The caller's own cart: with a bearer token the customer's (the token's subject, never a parameter), else the
 * guest cart of the {@value #CART_TOKEN} header. A request with both merges the guest cart into the customer's
 * first: that is how a guest's cart survives logging in. Which requests may come with neither is decided by the
 * security rules; here such a request starts a new guest cart.
 */
@RestController
@RequestMapping("/api/cart")
class CartController {

    static final String CART_TOKEN = "X-Cart-Token";

    private final ShoppingCarts carts;

    CartController(ShoppingCarts carts) {
        this.carts = carts;
    }

    @GetMapping
    CartResponse get(@AuthenticationPrincipal Jwt caller, @RequestHeader(name = CART_TOKEN, required = false) String token) {
        return CartResponse.from(carts.view(shopper(caller, token)));
    }

    /** Creates an empty guest cart (or answers the caller's cart): a way to get a cart token before the first add. */
    @PostMapping
    ResponseEntity<CartResponse> create(@AuthenticationPrincipal Jwt caller,
            @RequestHeader(name = CART_TOKEN, required = false) String token) {
        Shopper shopper = shopper(caller, token);
        if (shopper instanceof Shopper.NewGuest guest) {
            carts.create(guest);
            return issued(HttpStatus.CREATED, PricedCart.empty(), guest.token());
        }
        return ResponseEntity.ok(CartResponse.from(carts.view(shopper)));
    }

    @PostMapping("/items")
    ResponseEntity<CartResponse> add(@AuthenticationPrincipal Jwt caller,
            @RequestHeader(name = CART_TOKEN, required = false) String token,
            @Valid @RequestBody AddItemRequest request) {
        Shopper shopper = shopper(caller, token);
        PricedCart cart = carts.add(shopper, new ProductId(request.productId()), request.quantity());
        if (shopper instanceof Shopper.NewGuest guest) {
            // 200 like every add (the existing contract); the new token comes in the header and the body
            return issued(HttpStatus.OK, cart, guest.token());
        }
        return ResponseEntity.ok(CartResponse.from(cart));
    }

    @PutMapping("/items/{productId}")
    CartResponse setQuantity(@AuthenticationPrincipal Jwt caller,
            @RequestHeader(name = CART_TOKEN, required = false) String token, @PathVariable UUID productId,
            @Valid @RequestBody SetQuantityRequest request) {
        return CartResponse.from(carts.setQuantity(shopper(caller, token), new ProductId(productId), request.quantity()));
    }

    @DeleteMapping("/items/{productId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@AuthenticationPrincipal Jwt caller, @RequestHeader(name = CART_TOKEN, required = false) String token,
            @PathVariable UUID productId) {
        carts.remove(shopper(caller, token), new ProductId(productId));
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clear(@AuthenticationPrincipal Jwt caller, @RequestHeader(name = CART_TOKEN, required = false) String token) {
        carts.clear(shopper(caller, token));
    }

    /** Merges the guest cart of the header into the caller's; the security rules require a bearer token here. */
    @PostMapping("/merge")
    CartResponse merge(@AuthenticationPrincipal Jwt caller, @RequestHeader(name = CART_TOKEN) String token) {
        return CartResponse.from(carts.view(shopper(caller, token)));
    }

    /**
     * Who the request is for. With a bearer token and a cart token, the guest cart is merged into the customer's
     * cart here, before the request's own work (idempotent: a merged token names no cart any more).
     */
    private Shopper shopper(Jwt caller, String header) {
        CartToken token = CartToken.fromClient(header);
        if (caller != null) {
            CustomerId customer = customer(caller);
            if (token != null) {
                carts.merge(customer, token);
            }
            return new Shopper.Customer(customer);
        }
        if (token != null) {
            return new Shopper.Guest(token);
        }
        return new Shopper.NewGuest(CartToken.generate());
    }

    private static ResponseEntity<CartResponse> issued(HttpStatus status, PricedCart cart, CartToken token) {
        return ResponseEntity.status(status).header(CART_TOKEN, token.value()).body(CartResponse.from(cart, token));
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
    ProblemDetail cartNotFound(CartNotFoundException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail quantityLimitExceeded(QuantityLimitExceededException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail lineLimitExceeded(LineLimitExceededException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> catalogueUnavailable(CatalogueUnavailableException ex) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The product catalogue is not available right now; please try again shortly.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }
}
