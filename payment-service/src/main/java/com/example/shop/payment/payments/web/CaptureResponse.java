package com.example.shop.payment.payments.web;

import java.util.UUID;

import com.example.shop.payment.payments.OperationSettlement;

/** The answer of {@code POST /internal/payments/{orderId}/capture}. */
record CaptureResponse(UUID orderId, UUID paymentId, String status, AmountJson captured) {

    static CaptureResponse of(OperationSettlement.Settled capture) {
        return new CaptureResponse(capture.payment().orderId().value(), capture.payment().id().value(), "CAPTURED",
                AmountJson.of(capture.operation().amount()));
    }
}
