package com.example.shop.loyalty.points.web;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.loyalty.points.CustomerId;
import com.example.shop.loyalty.points.LoyaltyReads;
import com.example.shop.loyalty.points.web.LoyaltyViews.LedgerPageView;
import com.example.shop.loyalty.points.web.LoyaltyViews.LoyaltyView;

/** The customer's own loyalty, the customer read from the token. */
@RestController
@RequestMapping("/api/customers/me/loyalty")
class CustomerLoyaltyController {

    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_PAGE = 1_000_000;

    private final LoyaltyReads reads;

    CustomerLoyaltyController(LoyaltyReads reads) {
        this.reads = reads;
    }

    @GetMapping
    LoyaltyView loyalty(@AuthenticationPrincipal Jwt jwt) {
        return LoyaltyView.of(reads.summary(customerOf(jwt)));
    }

    @GetMapping("/ledger")
    LedgerPageView ledger(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return LedgerPageView.of(reads.ledger(customerOf(jwt), page, size));
    }

    static CustomerId customerOf(Jwt jwt) {
        try {
            return new CustomerId(UUID.fromString(jwt.getSubject()));
        }
        catch (IllegalArgumentException | NullPointerException ex) {
            throw LoyaltyProblems.forbidden("The token does not name a customer.");
        }
    }
}
