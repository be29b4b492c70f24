package com.example.shop.customer.privacy.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.example.shop.customer.account.Role;
import com.example.shop.customer.addressbook.Address;
import com.example.shop.customer.preferences.Channel;
import com.example.shop.customer.preferences.ConsentChange;
import com.example.shop.customer.preferences.NotificationPreferences;
import com.example.shop.customer.preferences.Topic;
import com.example.shop.customer.privacy.PersonalDataExport;
import com.example.shop.customer.survey.Survey;

import tools.jackson.databind.JsonNode;

/** {@code GET /api/customers/me/export}: this service's data under {@code customer}, the others' under {@code services}. */
record ExportResponse(Instant exportedAt, CustomerPart customer, List<JsonNode> services) {

    record CustomerPart(Profile profile, List<AddressPart> addresses, PreferencesPart preferences,
            List<ConsentPart> consentHistory, List<SurveyPart> surveys) {
    }

    record Profile(UUID id, String email, String name, List<String> roles, Instant registeredAt) {
    }

    record AddressPart(UUID id, String label, String name, String line1, String line2, String city, String postalCode,
            String country, String phone, boolean defaultShipping, Instant createdAt) {
    }

    record PreferencesPart(boolean marketingOptIn, Map<String, List<String>> subscriptions) {
    }

    record ConsentPart(Instant changedAt, String source, PreferencesPart before, PreferencesPart after) {
    }

    record SurveyPart(UUID orderId, Instant invitedAt, Instant expiresAt, Integer score, String comment,
            Instant answeredAt) {
    }

    static ExportResponse of(PersonalDataExport export) {
        var profile = export.profile();
        return new ExportResponse(export.exportedAt(), new CustomerPart(
                new Profile(profile.id().value(), profile.email(), profile.name(),
                        profile.roles().stream().sorted().map(Role::name).toList(), export.registeredAt()),
                export.addresses().stream().map(ExportResponse::address).toList(),
                preferences(export.preferences()),
                export.consentHistory().stream().map(ExportResponse::consent).toList(),
                export.surveys().stream().map(ExportResponse::survey).toList()),
                export.services());
    }

    private static AddressPart address(Address address) {
        var d = address.details();
        return new AddressPart(address.id().value(), d.label(), d.name(), d.line1(), d.line2(), d.city(),
                d.postalCode(), d.country(), d.phone(), d.defaultShipping(), address.createdAt());
    }

    private static PreferencesPart preferences(NotificationPreferences preferences) {
        if (preferences == null) {
            return null;
        }
        return new PreferencesPart(preferences.marketingOptIn(), Arrays.stream(Topic.values())
                .collect(Collectors.toMap(Topic::name,
                        topic -> preferences.channels(topic).stream().map(Channel::name).toList(),
                        (a, b) -> a, java.util.LinkedHashMap::new)));
    }

    private static ConsentPart consent(ConsentChange change) {
        return new ConsentPart(change.changedAt(), change.source().name(), preferences(change.before()),
                preferences(change.after()));
    }

    private static SurveyPart survey(Survey survey) {
        return new SurveyPart(survey.orderId(), survey.invitedAt(), survey.expiresAt(), survey.score(),
                survey.comment(), survey.answeredAt());
    }
}
