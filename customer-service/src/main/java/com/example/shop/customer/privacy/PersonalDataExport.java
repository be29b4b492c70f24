package com.example.shop.customer.privacy;

import java.time.Instant;
import java.util.List;

import com.example.shop.customer.account.Customer;
import com.example.shop.customer.addressbook.Address;
import com.example.shop.customer.preferences.ConsentChange;
import com.example.shop.customer.preferences.NotificationPreferences;
import com.example.shop.customer.survey.Survey;

import tools.jackson.databind.JsonNode;

/**
 * Everything the shop holds about a customer: this service's own data and every other service's answer.
 *
 * @param services the answers of the services that keep personal data, as they sent them
 */
public record PersonalDataExport(Instant exportedAt, Customer profile, Instant registeredAt, List<Address> addresses,
        NotificationPreferences preferences, List<ConsentChange> consentHistory, List<Survey> surveys,
        List<JsonNode> services) {
}
