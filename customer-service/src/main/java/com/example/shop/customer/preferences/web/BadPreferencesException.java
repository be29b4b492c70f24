package com.example.shop.customer.preferences.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A topic or channel this shop does not know, or a malformed subscription list: 400. */
final class BadPreferencesException extends ErrorResponseException {

    BadPreferencesException(String detail) {
        super(HttpStatus.BAD_REQUEST);
        setDetail(detail);
    }
}
