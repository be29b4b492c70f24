package com.example.shop.order.ordering;

/** A move the order's (or a return's) state machine does not allow from where it is now. */
public class IllegalTransitionException extends IllegalStateException {

    private final String from;
    private final String to;

    public IllegalTransitionException(Object subject, Enum<?> from, Enum<?> to) {
        super("cannot move " + subject + " from " + from + " to " + to);
        this.from = from.name();
        this.to = to.name();
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }
}
