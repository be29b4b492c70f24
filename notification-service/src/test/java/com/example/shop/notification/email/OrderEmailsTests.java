package com.example.shop.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderEmailsTests {

    private static final UUID ORDER = UUID.fromString("5f2b7c1e-3a4d-4e6f-8a9b-0c1d2e3f4a5b");

    private static OrderOutcome.Rejected rejected(String reason) {
        return new OrderOutcome.Rejected(UUID.randomUUID(), ORDER, UUID.randomUUID(), "ada@example.com",
                new Amount(new BigDecimal("19.99"), "EUR"), reason);
    }

    @Test
    void confirmsWithShortOrderNumberInSubjectAndFullIdAndTotalInBody() {
        var confirmed = new OrderOutcome.Confirmed(UUID.randomUUID(), ORDER, UUID.randomUUID(), "ada@example.com",
                new Amount(new BigDecimal("59.97"), "EUR"));

        EmailContent email = OrderEmails.write(confirmed);

        assertThat(email.subject()).isEqualTo("Your order 5f2b7c1e is confirmed");
        assertThat(email.body()).contains(ORDER.toString()).contains("59.97 EUR");
        assertThat(OrderEmails.typeOf(confirmed)).isEqualTo(NotificationType.ORDER_CONFIRMED);
    }

    @Test
    void saysThePaymentIsAuthorisedAndChargedAtShipmentNotAlreadyReceived() {
        var confirmed = new OrderOutcome.Confirmed(UUID.randomUUID(), ORDER, UUID.randomUUID(), "ada@example.com",
                new Amount(new BigDecimal("59.97"), "EUR"));

        String body = OrderEmails.write(confirmed).body();

        assertThat(body).contains("authorised").contains("charged when your order ships")
                .doesNotContain("received your payment");
    }

    @Test
    void tellsARejectedCustomerThatNoPaymentHasBeenTaken() {
        assertThat(OrderEmails.write(rejected("PAYMENT_DECLINED")).body()).contains("No payment has been taken.")
                .doesNotContain("not been charged");
    }

    @ParameterizedTest
    @CsvSource({ "OUT_OF_STOCK, no longer in stock", "PAYMENT_DECLINED, your payment was declined",
            "PAYMENT_UNAVAILABLE, could not reach the payment provider", "ALIENS, a problem on our side" })
    void explainsTheRejectionReasonInPlainWords(String reason, String words) {
        EmailContent email = OrderEmails.write(rejected(reason));

        assertThat(email.subject()).isEqualTo("Your order 5f2b7c1e could not be placed");
        assertThat(email.body()).contains(words).contains(ORDER.toString()).contains("19.99 EUR")
                .doesNotContain(reason);
    }

    @Test
    void explainsAMissingReasonGenerically() {
        assertThat(OrderEmails.write(rejected(null)).body()).contains("a problem on our side");
    }
}
