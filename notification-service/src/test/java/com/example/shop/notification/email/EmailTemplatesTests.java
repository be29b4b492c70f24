package com.example.shop.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each template pair renders its occasion: subject, plain text and HTML, with every value escaped in HTML. */
class EmailTemplatesTests {

    private static final UUID ORDER = UUID.fromString("5f2b7c1e-3a4d-4e6f-8a9b-0c1d2e3f4a5b");
    private static final String UNSUBSCRIBE = "http://shop.test/api/customers/unsubscribe?token=u_1&topic=ORDER_UPDATES";
    private static final String SHOP = "http://shop.test";

    private final EmailTemplates templates = new EmailTemplates();

    private static Amount eur(String value) {
        return new Amount(new BigDecimal(value), "EUR");
    }

    private static List<Occasion.Line> mugs(int quantity) {
        return List.of(new Occasion.Line("Enamel mug", "MUG-001", quantity, eur("19.99")));
    }

    private EmailContent render(Occasion occasion) {
        return templates.render(occasion, "Ada", UNSUBSCRIBE, SHOP);
    }

    @Test
    void confirmedMailListsLinesTotalAndAmountDueAndSaysWhenThePaymentIsCharged() {
        EmailContent mail = render(new Occasion.OrderConfirmed(UUID.randomUUID(), ORDER, UUID.randomUUID(),
                "ada@example.com", mugs(3), eur("59.97"), eur("0.00"), 0, eur("59.97")));

        assertThat(mail.subject()).isEqualTo("Your order 5f2b7c1e is confirmed");
        assertThat(mail.text()).contains("Hello Ada,").contains(ORDER.toString()).contains("3 x Enamel mug")
                .contains("59.97 EUR").contains("Amount due: 59.97 EUR")
                .contains("will be charged when your order ships").doesNotContain("discount");
        assertThat(mail.html()).contains("<td style=\"padding: 4px 12px 4px 0;\">Enamel mug</td>")
                .contains("59.97 EUR").doesNotContain("Loyalty discount");
    }

    @Test
    void confirmedMailShowsTheLoyaltyDiscountAndThePointsRedeemed() {
        EmailContent mail = render(new Occasion.OrderConfirmed(UUID.randomUUID(), ORDER, UUID.randomUUID(),
                "ada@example.com", mugs(3), eur("59.97"), eur("5.00"), 500, eur("54.97")));

        assertThat(mail.text()).contains("Loyalty discount (500 points): -5.00 EUR").contains("Amount due: 54.97 EUR");
        assertThat(mail.html()).contains("Loyalty discount").contains("(500 points)").contains("-5.00 EUR")
                .contains("54.97 EUR");
    }

    @ParameterizedTest
    @CsvSource({
            "OUT_OF_STOCK, some of the items are no longer in stock",
            "PAYMENT_DECLINED, your payment was declined",
            "PAYMENT_UNAVAILABLE, we could not reach the payment provider",
            "INSUFFICIENT_POINTS, you do not have enough loyalty points",
            "SOMETHING_NEW, of a problem on our side" })
    void rejectedMailExplainsTheReasonInWords(String code, String words) {
        EmailContent mail = render(new Occasion.OrderRejected(UUID.randomUUID(), ORDER, UUID.randomUUID(),
                "ada@example.com", eur("19.99"), code));

        assertThat(mail.subject()).isEqualTo("Your order 5f2b7c1e could not be placed");
        assertThat(mail.text()).contains(words).contains("No payment has been taken.").contains("19.99 EUR")
                .doesNotContain(code);
        assertThat(mail.html()).contains(words).doesNotContain(code);
    }

    @Test
    void cancelledMailSaysWhoCancelledAndThatNothingIsCharged() {
        EmailContent byCustomer = render(new Occasion.OrderCancelled(UUID.randomUUID(), ORDER, UUID.randomUUID(),
                "ada@example.com", mugs(3), eur("59.97"), "CUSTOMER"));
        EmailContent byShop = render(new Occasion.OrderCancelled(UUID.randomUUID(), ORDER, UUID.randomUUID(),
                "ada@example.com", mugs(3), eur("59.97"), "ADMIN"));

        assertThat(byCustomer.subject()).isEqualTo("Your order 5f2b7c1e has been cancelled");
        assertThat(byCustomer.text()).contains("as you asked").contains("Nothing will be charged")
                .contains("3 x Enamel mug");
        assertThat(byShop.text()).contains("we had to cancel your order").doesNotContain("as you asked");
        assertThat(byShop.html()).contains("we had to cancel your order");
    }

    @Test
    void shippedMailCarriesCarrierTrackingNumberAndTrackingLink() {
        EmailContent mail = render(new Occasion.OrderShipped(UUID.randomUUID(), ORDER, UUID.randomUUID(),
                "ada@example.com", mugs(3), eur("59.97"), "PARCELCO", "PC123456789NL",
                "http://localhost:8091/track/PC123456789NL"));

        assertThat(mail.subject()).isEqualTo("Your order 5f2b7c1e is on its way");
        assertThat(mail.text()).contains("Carrier: PARCELCO").contains("Tracking number: PC123456789NL")
                .contains("http://localhost:8091/track/PC123456789NL");
        assertThat(mail.html()).contains("PC123456789NL")
                .contains("<a href=\"http://localhost:8091/track/PC123456789NL\">Track your parcel</a>");
    }

    @Test
    void refundedMailStatesTheAmountAndTheReturnedLines() {
        EmailContent mail = render(new Occasion.OrderRefunded(UUID.randomUUID(), ORDER, UUID.randomUUID(),
                "ada@example.com", mugs(1), eur("19.99"), eur("39.98")));

        assertThat(mail.subject()).isEqualTo("We have refunded 19.99 EUR for your order 5f2b7c1e");
        assertThat(mail.text()).contains("refunded 19.99 EUR").contains("1 x Enamel mug")
                .contains("Refunded on this order so far: 39.98 EUR");
        assertThat(mail.html()).contains("19.99 EUR").contains("39.98 EUR");
    }

    @Test
    void cartReminderListsTheLinesAndLinksToTheShop() {
        EmailContent mail = render(new Occasion.CartReminder(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                List.of(new Occasion.Line("Enamel mug", "MUG-001", 2, eur("19.99")),
                        new Occasion.Line(null, "TEA-7", 1, null))));

        assertThat(mail.subject()).isEqualTo("You left something in your cart");
        assertThat(mail.text()).contains("2 x Enamel mug  39.98 EUR").contains("1 x TEA-7").contains(SHOP);
        assertThat(mail.html()).contains("Enamel mug").contains("TEA-7");
    }

    @Test
    void surveyMailAsksTheZeroToTenQuestionAndLinksToTheSurvey() {
        EmailContent mail = render(new Occasion.SurveyInvitation(UUID.randomUUID(), UUID.randomUUID(), ORDER,
                UUID.randomUUID(), "ada@example.com", "Ada", "http://localhost:8080/api/surveys/s_9d8c",
                Instant.parse("2026-12-23T09:31:00Z")));

        assertThat(mail.subject()).isEqualTo("How likely are you to recommend us?");
        assertThat(mail.text()).contains("On a scale from 0 to 10")
                .contains("http://localhost:8080/api/surveys/s_9d8c").contains("23 December 2026");
        assertThat(mail.html()).contains("On a scale from 0 to 10")
                .contains("href=\"http://localhost:8080/api/surveys/s_9d8c\"");
    }

    @Test
    void welcomeMailGreetsTheNewCustomerByName() {
        EmailContent mail = templates.render(new Occasion.Welcome(UUID.randomUUID(), UUID.randomUUID(),
                "ada@example.com", "Ada Lovelace"), null, null, SHOP);

        assertThat(mail.subject()).isEqualTo("Welcome to our shop");
        assertThat(mail.text()).contains("Hello Ada Lovelace,").contains("your account is ready")
                .doesNotContain("Unsubscribe");
        assertThat(mail.html()).contains("Ada Lovelace").doesNotContain("Unsubscribe");
    }

    @Test
    void everyMailButAccountMailsCarriesTheUnsubscribeLinkInItsFooter() {
        EmailContent mail = render(new Occasion.OrderRejected(UUID.randomUUID(), ORDER, UUID.randomUUID(),
                "ada@example.com", eur("19.99"), "OUT_OF_STOCK"));

        assertThat(mail.text()).contains("Unsubscribe from these e-mails: " + UNSUBSCRIBE);
        assertThat(mail.html()).contains("href=\"" + UNSUBSCRIBE.replace("&", "&amp;") + "\"");
    }

    @Test
    void aMailWithoutUnsubscribeLinkHasNoUnsubscribeFooter() {
        EmailContent mail = templates.render(new Occasion.OrderRejected(UUID.randomUUID(), ORDER, UUID.randomUUID(),
                "ada@example.com", eur("19.99"), "OUT_OF_STOCK"), null, null, SHOP);

        assertThat(mail.text()).doesNotContain("Unsubscribe").startsWith("Hello,");
        assertThat(mail.html()).doesNotContain("Unsubscribe");
    }

    @Test
    void escapesEveryValueInHtml() {
        EmailContent mail = templates.render(new Occasion.OrderShipped(UUID.randomUUID(), ORDER, UUID.randomUUID(),
                "ada@example.com", List.of(new Occasion.Line("<script>alert('x')</script> & Co", "X", 1,
                        eur("1.00"))), eur("1.00"), "<b>Carrier</b>", "T<1>", "javascript:alert(1)\"onclick=\"x"),
                "<img src=x onerror=alert(1)>", UNSUBSCRIBE, SHOP);

        assertThat(mail.html()).doesNotContain("<script>").doesNotContain("<b>Carrier</b>")
                .doesNotContain("<img src=x").doesNotContain("\"onclick=\"")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co")
                .contains("&lt;b&gt;Carrier&lt;/b&gt;").contains("T&lt;1&gt;")
                .contains("&lt;img src=x onerror=alert(1)&gt;");
    }
}
