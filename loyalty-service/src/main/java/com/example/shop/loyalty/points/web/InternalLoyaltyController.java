package com.example.shop.loyalty.points.web;

import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.loyalty.points.CustomerId;
import com.example.shop.loyalty.points.HoldOutcome;
import com.example.shop.loyalty.points.Holds;
import com.example.shop.loyalty.points.LoyaltyReads;
import com.example.shop.loyalty.points.Money;
import com.example.shop.loyalty.points.OrderId;
import com.example.shop.loyalty.points.ReleaseOutcome;
import com.example.shop.loyalty.points.web.LoyaltyViews.EntryView;
import com.example.shop.loyalty.points.web.LoyaltyViews.HoldView;
import com.example.shop.loyalty.points.web.LoyaltyViews.LoyaltyView;
import com.example.shop.loyalty.points.web.LoyaltyViews.MoneyView;
import com.example.shop.loyalty.points.web.LoyaltyViews.PersonalData;
import com.example.shop.loyalty.points.web.LoyaltyViews.PersonalDataView;

/** Service-to-service calls: order-service's holds and releases, customer-service's personal-data export. */
@RestController
class InternalLoyaltyController {

    static final String SERVICE = "loyalty-service";

    private final Holds holds;
    private final LoyaltyReads reads;

    InternalLoyaltyController(Holds holds, LoyaltyReads reads) {
        this.holds = holds;
        this.reads = reads;
    }

    /** {@code {"orderId","status":"HELD"|"REJECTED","points","discount":{"amount","currency"},"reason"}}. */
    record HoldResponse(UUID orderId, String status, long points, MoneyView discount, String reason) {
    }

    /** {@code {"orderId","status":"RELEASED"|"SPENT"|"NONE"}}. */
    record ReleaseResponse(UUID orderId, String status) {
    }

    @PostMapping("/internal/loyalty/holds")
    HoldResponse hold(@Valid @RequestBody HoldRequest request) {
        Money maxDiscount = null;
        if (request.maxDiscount() != null) {
            if (!request.maxDiscount().currency().equals(request.currency())) {
                throw LoyaltyProblems.badRequest("maxDiscount is in " + request.maxDiscount().currency()
                        + ", the hold in " + request.currency());
            }
            maxDiscount = new Money(request.maxDiscount().amount(), request.maxDiscount().currency());
        }
        HoldOutcome outcome = holds.hold(new OrderId(request.orderId()), new CustomerId(request.customerId()),
                request.points(), request.currency(), maxDiscount);
        return new HoldResponse(outcome.orderId().value(), outcome.status().name(), outcome.points(),
                MoneyView.of(outcome.discount()), outcome.reason());
    }

    @PostMapping("/internal/loyalty/holds/{orderId}/release")
    ReleaseResponse release(@PathVariable UUID orderId) {
        ReleaseOutcome outcome = holds.release(new OrderId(orderId));
        return new ReleaseResponse(orderId, outcome.name());
    }

    @GetMapping("/internal/customers/{customerId}/personal-data")
    PersonalDataView personalData(@PathVariable UUID customerId) {
        var customer = new CustomerId(customerId);
        return new PersonalDataView(SERVICE, new PersonalData(LoyaltyView.of(reads.summary(customer)),
                reads.wholeLedger(customer).stream().map(EntryView::of).toList(),
                holds.of(customer).stream().map(HoldView::of).toList()));
    }
}
