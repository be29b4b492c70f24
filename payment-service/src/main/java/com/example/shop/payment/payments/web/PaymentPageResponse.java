package com.example.shop.payment.payments.web;

import java.util.List;

import com.example.shop.payment.payments.PaymentQueries;

/** {@code GET /api/admin/payments}: one page of payment summaries, newest first, and how many there are. */
record PaymentPageResponse(List<PaymentSummaryResponse> items, int page, int size, long total) {

    static PaymentPageResponse of(PaymentQueries.Page page) {
        return new PaymentPageResponse(page.items().stream().map(PaymentSummaryResponse::of).toList(), page.page(),
                page.size(), page.total());
    }
}
