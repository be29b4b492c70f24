package com.example.shop.platform.web;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.security.web.firewall.RequestRejectedException;

/**
 * Recognises the exceptions by which the container or the security firewall say that the request itself is
 * malformed, wherever they surface (parameters and headers are checked lazily, when first read). Only these exact
 * types count: an {@code IllegalArgumentException} in general may well be a bug and stays a 500.
 */
final class MalformedRequests {

    private MalformedRequests() {
    }

    static boolean isMalformedRequest(Throwable error) {
        return cause(error, RequestRejectedException.class) != null
                || cause(error, InvalidParameterException.class) != null;
    }

    static String detail(Throwable error) {
        if (cause(error, InvalidParameterException.class) != null) {
            return "A query or form parameter cannot be decoded: each %-escape must form valid UTF-8.";
        }
        return ProblemJsonRequestRejectedHandler.DETAIL;
    }

    private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
