package com.example.shop.order.ordering;

/** Another service could not be reached, timed out or failed; the step may be tried again later. */
public class DependencyUnavailableException extends RuntimeException {

    public DependencyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
