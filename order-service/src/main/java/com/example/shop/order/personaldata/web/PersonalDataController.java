package com.example.shop.order.personaldata.web;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.order.ordering.CustomerId;
import com.example.shop.order.ordering.web.OrderResponse;
import com.example.shop.order.personaldata.PersonalData;

/**
 * {@code GET /internal/customers/{customerId}/personal-data}: everything order-service holds about a customer,
 * for customer-service's export. Internal (the gateway never routes {@code /internal/**}), so no token.
 */
@RestController
class PersonalDataController {

    static final String SERVICE = "order-service";

    private final PersonalData personalData;

    PersonalDataController(PersonalData personalData) {
        this.personalData = personalData;
    }

    record Export(String service, Data data) {
    }

    record Data(List<OrderResponse> orders) {
    }

    @GetMapping("/internal/customers/{customerId}/personal-data")
    Export export(@PathVariable UUID customerId) {
        return new Export(SERVICE, new Data(personalData.export(new CustomerId(customerId)).stream()
                .map(details -> OrderResponse.of(details, true)).toList()));
    }
}
