package com.example.shop.payment.payments.web;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.payment.payments.OrderId;
import com.example.shop.payment.payments.PaymentQueries;
import com.example.shop.payment.payments.PaymentStatus;

/** Payments for admins (role ADMIN, checked in the security configuration). */
@RestController
class AdminPaymentsController {

    private final PaymentQueries queries;

    AdminPaymentsController(PaymentQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/admin/payments/{orderId}")
    PaymentSummaryResponse payment(@PathVariable UUID orderId) {
        return queries.summary(new OrderId(orderId)).map(PaymentSummaryResponse::of)
                .orElseThrow(() -> PaymentsController.noPayment(orderId));
    }

    /** Payments newest first; {@code status} one of {@link PaymentStatus}, {@code page} from 0, {@code size} 1 to 100. */
    @GetMapping("/api/admin/payments")
    PaymentPageResponse payments(@RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Optional<PaymentStatus> wanted = Optional.ofNullable(status).filter(s -> !s.isBlank()).map(s -> {
            try {
                return PaymentStatus.valueOf(s);
            }
            catch (IllegalArgumentException ex) {
                throw PaymentProblems.of(HttpStatus.BAD_REQUEST, "invalid-status",
                        "Unknown status '" + s + "'; one of " + Arrays.toString(PaymentStatus.values()) + ".");
            }
        });
        if (page < 0 || size < 1 || size > PaymentQueries.MAX_PAGE_SIZE) {
            throw PaymentProblems.of(HttpStatus.BAD_REQUEST, "invalid-page",
                    "page must be 0 or more and size between 1 and " + PaymentQueries.MAX_PAGE_SIZE + ".");
        }
        return PaymentPageResponse.of(queries.list(wanted, page, size));
    }
}
