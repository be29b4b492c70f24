package com.example.shop.order.ordering;

/**
 * Another service refused a request as invalid (a 4xx, or an answer this service cannot read): a contract
 * mismatch that asking again soon will not fix. The order stays PENDING and is tried again only after a long
 * pause; someone has to look at the log.
 */
public class DependencyRefusedException extends DependencyUnavailableException {

    public DependencyRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
