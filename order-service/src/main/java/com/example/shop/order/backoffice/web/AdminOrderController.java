package com.example.shop.order.backoffice.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.order.ordering.Actor;
import com.example.shop.order.ordering.CustomerId;
import com.example.shop.order.ordering.LifecycleException;
import com.example.shop.order.ordering.OrderId;
import com.example.shop.order.ordering.OrderLifecycle;
import com.example.shop.order.ordering.OrderRepository;
import com.example.shop.order.ordering.OrderStatus;
import com.example.shop.order.ordering.ReturnId;
import com.example.shop.order.ordering.web.LifecycleProblems;
import com.example.shop.order.ordering.web.OrderResponse;

/**
 * The back office's order API (role ADMIN, enforced by the security filter chain): search, detail, and the
 * transitions an admin drives. Translates HTTP to {@link OrderLifecycle} and back.
 */
@RestController
@RequestMapping("/api/admin/orders")
class AdminOrderController {

    static final int MAX_PAGE_SIZE = 100;

    private final OrderRepository orders;
    private final OrderLifecycle lifecycle;

    AdminOrderController(OrderRepository orders, OrderLifecycle lifecycle) {
        this.orders = orders;
        this.lifecycle = lifecycle;
    }

    record OrderPage(List<OrderResponse> items, int page, int size, long totalElements) {
    }

    record ReceiveRequest(Boolean restock) {
    }

    /**
     * The instants {@code from} and {@code to} may name. An instant outside them used to parse (Spring reads a
     * bare number as epoch milliseconds) and then overflow on its way to the database; no order is older than
     * the epoch, and years of four digits are what ISO-8601 writes without a sign (and what
     * {@link java.sql.Timestamp} converts without the Julian-calendar shift before 1582).
     */
    static final Instant EARLIEST_SEARCHABLE = Instant.EPOCH;
    static final Instant LATEST_SEARCHABLE = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /** Orders newest first, filtered; {@code size} at most 100. */
    @GetMapping
    OrderPage search(@RequestParam(required = false) OrderStatus status,
            @RequestParam(required = false) UUID customerId, @RequestParam(required = false) String email,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0) {
            throw badParameter("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw badParameter("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        requireSearchable("from", from);
        requireSearchable("to", to);
        OrderRepository.Page found = orders.search(new OrderRepository.Search(status,
                customerId == null ? null : new CustomerId(customerId),
                email == null || email.isBlank() ? null : email.strip(), from, to, page, size));
        return new OrderPage(found.orders().stream().map(OrderResponse::of).toList(), found.page(), found.size(),
                found.total());
    }

    @GetMapping("/{id}")
    OrderResponse get(@PathVariable UUID id) {
        return lifecycle.details(new OrderId(id)).map(details -> OrderResponse.of(details, true))
                .orElseThrow(() -> new LifecycleException.NotFound("No such order."));
    }

    @PostMapping("/{id}/ship")
    ResponseEntity<OrderResponse> ship(@PathVariable UUID id) {
        return answer(lifecycle.ship(new OrderId(id)));
    }

    @PostMapping("/{id}/deliver")
    ResponseEntity<OrderResponse> deliver(@PathVariable UUID id) {
        return answer(lifecycle.deliver(new OrderId(id)));
    }

    @PostMapping("/{id}/cancel")
    ResponseEntity<OrderResponse> cancel(@PathVariable UUID id) {
        return answer(lifecycle.cancel(new OrderId(id), Actor.ADMIN, null));
    }

    @PostMapping("/{id}/returns/{returnId}/receive")
    ResponseEntity<OrderResponse> receive(@PathVariable UUID id, @PathVariable UUID returnId,
            @RequestBody ReceiveRequest request) {
        if (request == null || request.restock() == null) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST, "restock (true or false) is required."), null);
        }
        return answer(lifecycle.receiveReturn(new OrderId(id), new ReturnId(returnId), request.restock()));
    }

    @PostMapping("/{id}/returns/{returnId}/refund")
    ResponseEntity<OrderResponse> refund(@PathVariable UUID id, @PathVariable UUID returnId) {
        return answer(lifecycle.refund(new OrderId(id), new ReturnId(returnId)));
    }

    private static void requireSearchable(String parameter, Instant instant) {
        if (instant != null && (instant.isBefore(EARLIEST_SEARCHABLE) || instant.isAfter(LATEST_SEARCHABLE))) {
            throw badParameter(parameter, "must be an instant from " + EARLIEST_SEARCHABLE + " to " + LATEST_SEARCHABLE);
        }
    }

    /** A 400 whose detail and {@code errors} name the parameter, as the platform's handler does for the others. */
    private static ErrorResponseException badParameter(String parameter, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has invalid parameters: " + parameter + " " + message + ".");
        problem.setProperty("errors", List.of(Map.of("field", parameter, "message", message)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    private ResponseEntity<OrderResponse> answer(OrderLifecycle.Result result) {
        return LifecycleProblems.answer(result, OrderResponse.of(lifecycle.details(result.order()), true));
    }
}
