package com.example.shop.shipping.shipments.web;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The problems (RFC 9457) the shipment API answers with; web-support renders them as problem+json. */
final class ShipmentProblems {

    private ShipmentProblems() {
    }

    /** 503: the carrier cannot be reached or its answer is unknown; asking again is safe. */
    static ErrorResponseException carrierUnavailable(String detail) {
        return new CarrierUnavailable(detail);
    }

    private static final class CarrierUnavailable extends ErrorResponseException {

        CarrierUnavailable(String detail) {
            super(HttpStatus.SERVICE_UNAVAILABLE, problem(HttpStatus.SERVICE_UNAVAILABLE, detail, "carrier-unavailable"),
                    null);
        }

        @Override
        public HttpHeaders getHeaders() {
            var headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, "5");
            return headers;
        }
    }

    /** 422: the carrier cannot ship this parcel there. */
    static ErrorResponseException addressRejected(String detail) {
        return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT,
                problem(HttpStatus.UNPROCESSABLE_CONTENT, detail, "address-rejected"), null);
    }

    /** 404: the order has no shipment. */
    static ErrorResponseException notFound(Object orderId) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND,
                problem(HttpStatus.NOT_FOUND, "Order " + orderId + " has no shipment.", "shipment-not-found"), null);
    }

    private static ProblemDetail problem(HttpStatus status, String detail, String type) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://shop.example.com/problems/" + type));
        return problem;
    }
}
