package com.example.shop.order.ordering;

/** A lifecycle request that cannot be done; the web adapters turn each kind into a problem. */
public abstract sealed class LifecycleException extends RuntimeException {

    private LifecycleException(String message) {
        super(message);
    }

    /** No such order (or return), or not the caller's. */
    public static final class NotFound extends LifecycleException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** The order's (or return's) state does not allow the move now. */
    public static final class Conflict extends LifecycleException {
        public Conflict(String message) {
            super(message);
        }
    }

    /** A dependency refused the remote step for good; the state did not change and the history says why. */
    public static final class Failed extends LifecycleException {
        public Failed(String message) {
            super(message);
        }
    }

    /** The request itself cannot be met (return window over, more units than left, unknown line). */
    public static final class Invalid extends LifecycleException {
        public Invalid(String message) {
            super(message);
        }
    }
}
