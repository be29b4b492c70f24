package com.example.shop.customer.account.web;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;

import com.example.shop.customer.account.CustomerId;

/** Who is calling, for every feature's controllers. */
public final class Callers {

    private Callers() {
    }

    /**
     * The customer a token speaks for. A token signed by this service always has a customer id as subject; one
     * that does not is refused as forbidden rather than failing with 500.
     */
    public static CustomerId customerOf(Jwt jwt) {
        try {
            return new CustomerId(UUID.fromString(jwt.getSubject()));
        }
        catch (IllegalArgumentException | NullPointerException ex) {
            throw new ErrorResponseException(HttpStatus.FORBIDDEN,
                    ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "The token does not name a customer."),
                    ex);
        }
    }
}
