package com.example.shop.cart.catalogue;

/** The catalogue did not answer, answered with an error, or is being given time to recover. */
public class CatalogueUnavailableException extends RuntimeException {

    public CatalogueUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
