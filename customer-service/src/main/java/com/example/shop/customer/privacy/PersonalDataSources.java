package com.example.shop.customer.privacy;

import java.util.List;

import com.example.shop.customer.account.CustomerId;

import tools.jackson.databind.JsonNode;

/** The other services that keep personal data, asked for everything they hold about a customer. */
public interface PersonalDataSources {

    /**
     * Each service's answer ({@code {"service","data"}}), in a stable order.
     *
     * @throws PersonalDataUnavailableException when any service cannot be asked or answers badly
     */
    List<JsonNode> collect(CustomerId customer);
}
