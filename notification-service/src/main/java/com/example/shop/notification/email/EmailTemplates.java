package com.example.shop.notification.email;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the e-mail of an occasion from its template pair in {@code templates/email/}: {@code <type>.html} (HTML
 * mode, every value escaped by {@code th:text}) and {@code <type>.txt} (text mode). The templates get plain strings
 * prepared here (amounts already formatted, reason codes already in words), so they only lay text out.
 */
@Component
public class EmailTemplates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final TemplateEngine engine = new TemplateEngine();

    public EmailTemplates() {
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/email/");
        resolver.setCharacterEncoding("UTF-8");
        resolver.setHtmlTemplateModePatterns(Set.of("*.html"));
        resolver.setTextTemplateModePatterns(Set.of("*.txt"));
        resolver.setCacheable(true);
        resolver.setCheckExistence(true);
        engine.setTemplateResolver(resolver);
    }

    /**
     * The subject, text and HTML of the occasion's e-mail.
     *
     * @param name the customer's name as the directory knows it, or {@code null}
     * @param unsubscribeUrl the footer's unsubscribe link, or {@code null} for none
     * @param shopUrl the shop's public address
     */
    public EmailContent render(Occasion occasion, String name, String unsubscribeUrl, String shopUrl) {
        var context = new Context(Locale.ENGLISH, variables(occasion, name, unsubscribeUrl, shopUrl));
        String template = occasion.type().templateName();
        return new EmailContent(subject(occasion), engine.process(template + ".txt", context),
                engine.process(template + ".html", context));
    }

    /** The subject line of each type; the short order number is the first block of the order id. */
    public static String subject(Occasion occasion) {
        return switch (occasion) {
            case Occasion.Welcome w -> "Welcome to our shop";
            case Occasion.OrderConfirmed c -> "Your order " + shortId(c) + " is confirmed";
            case Occasion.OrderRejected r -> "Your order " + shortId(r) + " could not be placed";
            case Occasion.OrderCancelled c -> "Your order " + shortId(c) + " has been cancelled";
            case Occasion.OrderShipped s -> "Your order " + shortId(s) + " is on its way";
            case Occasion.OrderRefunded r -> "We have refunded " + r.amount() + " for your order " + shortId(r);
            case Occasion.CartReminder c -> "You left something in your cart";
            case Occasion.SurveyInvitation s -> "How likely are you to recommend us?";
        };
    }

    /** The reason codes of order-service in plain words; unknown codes get a general explanation. */
    static String explain(String reason) {
        return switch (reason == null ? "" : reason) {
            case "OUT_OF_STOCK" -> "some of the items are no longer in stock";
            case "PAYMENT_DECLINED" -> "your payment was declined";
            case "PAYMENT_UNAVAILABLE" -> "we could not reach the payment provider";
            case "INSUFFICIENT_POINTS" -> "you do not have enough loyalty points for the discount you asked for";
            default -> "of a problem on our side";
        };
    }

    private static String shortId(Occasion occasion) {
        return occasion.orderId().toString().substring(0, 8);
    }

    private static Map<String, Object> variables(Occasion occasion, String name, String unsubscribeUrl,
            String shopUrl) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("name", name == null || name.isBlank() ? null : name);
        vars.put("unsubscribeUrl", unsubscribeUrl);
        vars.put("shopUrl", shopUrl);
        vars.put("subject", subject(occasion));
        if (occasion.orderId() != null) {
            vars.put("orderId", occasion.orderId().toString());
        }
        switch (occasion) {
            case Occasion.Welcome w -> vars.put("name", w.name() == null || w.name().isBlank() ? null : w.name());
            case Occasion.OrderConfirmed c -> {
                vars.put("lines", lines(c.lines()));
                vars.put("total", c.total().toString());
                boolean discounted = c.discount() != null && !c.discount().isZero();
                vars.put("discount", discounted ? c.discount().toString() : null);
                vars.put("pointsRedeemed", c.pointsRedeemed() > 0 ? String.valueOf(c.pointsRedeemed()) : null);
                vars.put("amountDue", (c.amountDue() == null ? c.total() : c.amountDue()).toString());
            }
            case Occasion.OrderRejected r -> {
                vars.put("total", r.total().toString());
                vars.put("reason", explain(r.reason()));
            }
            case Occasion.OrderCancelled c -> {
                vars.put("lines", lines(c.lines()));
                vars.put("total", c.total().toString());
                vars.put("byCustomer", !"ADMIN".equals(c.cancelledBy()));
            }
            case Occasion.OrderShipped s -> {
                vars.put("lines", lines(s.lines()));
                vars.put("total", s.total().toString());
                vars.put("carrier", s.carrier());
                vars.put("trackingNumber", s.trackingNumber());
                vars.put("trackingUrl", s.trackingUrl());
            }
            case Occasion.OrderRefunded r -> {
                vars.put("lines", lines(r.lines()));
                vars.put("amount", r.amount().toString());
                vars.put("totalRefunded", r.totalRefunded() == null ? null : r.totalRefunded().toString());
            }
            case Occasion.CartReminder c -> {
                vars.put("lines", lines(c.lines()));
            }
            case Occasion.SurveyInvitation s -> {
                vars.put("surveyUrl", s.surveyUrl());
                vars.put("expiresOn", s.expiresAt() == null ? null : DAY.format(s.expiresAt()));
                if (vars.get("name") == null && s.name() != null && !s.name().isBlank()) {
                    vars.put("name", s.name());
                }
            }
        }
        return vars;
    }

    private static List<Map<String, String>> lines(List<Occasion.Line> lines) {
        return lines.stream().map(line -> {
            Map<String, String> view = new LinkedHashMap<>();
            view.put("name", line.name() == null || line.name().isBlank() ? line.sku() : line.name());
            view.put("quantity", String.valueOf(line.quantity()));
            view.put("unitPrice", line.unitPrice() == null ? null : line.unitPrice().toString());
            view.put("lineTotal", line.lineTotal() == null ? null : line.lineTotal().toString());
            return view;
        }).toList();
    }
}
