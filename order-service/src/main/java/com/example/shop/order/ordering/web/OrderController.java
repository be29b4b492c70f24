package com.example.shop.order.ordering.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.order.ordering.Checkout;
import com.example.shop.order.ordering.CheckoutException;
import com.example.shop.order.ordering.CustomerId;
import com.example.shop.order.ordering.Order;
import com.example.shop.order.ordering.Actor;
import com.example.shop.order.ordering.OrderId;
import com.example.shop.order.ordering.OrderLifecycle;
import com.example.shop.order.ordering.OrderProperties;
import com.example.shop.order.ordering.OrderRepository;
import com.example.shop.order.ordering.ShippingAddress;

/** The customer's orders: checkout, list and detail. Translates HTTP to {@link Checkout} and back. */
@RestController
@RequestMapping("/api/orders")
class OrderController {

    static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;
    /** As cart-service and shipping-service answer while a service they need is away. */
    static final String RETRY_AFTER_SECONDS = "5";

    private final Checkout checkout;
    private final OrderRepository orders;
    private final OrderProperties properties;
    private final OrderLifecycle lifecycle;

    OrderController(Checkout checkout, OrderRepository orders, OrderProperties properties, OrderLifecycle lifecycle) {
        this.checkout = checkout;
        this.orders = orders;
        this.properties = properties;
        this.lifecycle = lifecycle;
    }

    /** 201 when the order reached its final status, 202 while it is still PENDING. */
    @PostMapping
    ResponseEntity<OrderResponse> place(@AuthenticationPrincipal Jwt jwt,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION) String authorization,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @Valid @RequestBody PlaceOrderRequest request) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new BadRequest("The Idempotency-Key header is required.");
        }
        if (idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
            throw new BadRequest("The Idempotency-Key header must be at most " + MAX_IDEMPOTENCY_KEY_LENGTH
                    + " characters.");
        }
        var address = request.shippingAddress();
        Order order = checkout.place(new Checkout.Customer(customerOf(jwt), jwt.getClaimAsString("email"), authorization),
                new Checkout.PlaceOrder(idempotencyKey, request.paymentToken(), new ShippingAddress(address.name(),
                        address.line1(), address.city(), address.postalCode(), address.country()), request.points()));
        return ResponseEntity.status(order.status().isFinal() ? HttpStatus.CREATED : HttpStatus.ACCEPTED)
                .location(URI.create("/api/orders/" + order.id()))
                .body(OrderResponse.of(lifecycle.details(order), false));
    }

    /** The caller's orders, newest first, at most {@code shop.order.list-limit} of them. */
    @GetMapping
    List<OrderResponse> list(@AuthenticationPrincipal Jwt jwt) {
        return orders.findByCustomer(customerOf(jwt), properties.listLimit()).stream().map(OrderResponse::of)
                .toList();
    }

    /** The order with its status history, shipment and returns. */
    @GetMapping("/{id}")
    OrderResponse get(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return lifecycle.details(new OrderId(id), customerOf(jwt))
                .map(details -> OrderResponse.of(details, false))
                .orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
                        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such order."), null));
    }

    /** Cancels a CONFIRMED order (voids the payment): 200 done, 202 still being driven, 409 too late. */
    @PostMapping("/{id}/cancel")
    ResponseEntity<OrderResponse> cancel(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        CustomerId customer = customerOf(jwt);
        OrderLifecycle.Result result = lifecycle.cancel(new OrderId(id), Actor.CUSTOMER, customer);
        return LifecycleProblems.answer(result, detail(result));
    }

    /** Asks to return units of lines of a DELIVERED order: 201 with the order (the new return in {@code returns}). */
    @PostMapping("/{id}/returns")
    ResponseEntity<OrderResponse> requestReturn(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
            @Valid @RequestBody ReturnRequest request) {
        OrderLifecycle.Result result = lifecycle.requestReturn(new OrderId(id), customerOf(jwt),
                request.lines().stream().map(line -> new OrderLifecycle.ReturnRequest(line.lineNo(), line.quantity()))
                        .toList(),
                request.reason() == null || request.reason().isBlank() ? null : request.reason().strip());
        return ResponseEntity.status(HttpStatus.CREATED).body(detail(result));
    }

    private OrderResponse detail(OrderLifecycle.Result result) {
        return OrderResponse.of(lifecycle.details(result.order()), false);
    }

    @ExceptionHandler(CheckoutException.class)
    ResponseEntity<ProblemDetail> checkoutFailed(CheckoutException ex) {
        HttpStatus status = switch (ex) {
            case CheckoutException.EmptyCart emptyCart -> HttpStatus.UNPROCESSABLE_CONTENT;
            case CheckoutException.TooManyLines tooMany -> HttpStatus.UNPROCESSABLE_CONTENT;
            case CheckoutException.IdempotencyKeyReused reused -> HttpStatus.UNPROCESSABLE_CONTENT;
            case CheckoutException.CartUnavailable unavailable -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        var answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            // Nothing was stored: the same request may simply be sent again once cart-service answers.
            answer.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return answer.body(ProblemDetail.forStatusAndDetail(status, ex.getMessage()));
    }

    private static CustomerId customerOf(Jwt jwt) {
        try {
            return new CustomerId(UUID.fromString(jwt.getSubject()));
        }
        catch (IllegalArgumentException | NullPointerException ex) {
            throw new ErrorResponseException(HttpStatus.FORBIDDEN,
                    ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "The token does not name a customer."),
                    ex);
        }
    }

    private static final class BadRequest extends ErrorResponseException {
        BadRequest(String detail) {
            super(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), null);
        }
    }
}
