package com.example.shop.customer.privacy;

/** A service that keeps personal data could not be asked; an export is all or nothing. */
public class PersonalDataUnavailableException extends RuntimeException {

    public PersonalDataUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
