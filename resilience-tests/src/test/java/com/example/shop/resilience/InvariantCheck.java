package com.example.shop.resilience;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

import com.example.shop.resilience.Http.Response;

import tools.jackson.databind.JsonNode;

/**
 * The invariants that must hold once the load has stopped and the stack has settled, whatever the faults
 * did: every order final; stock conserved per product; money captured at most once and captured − refunded =
 * the amount due's share of shipped, unreturned units; loyalty balance = ledger = what the customer's orders
 * say; one e-mail per order event; no outbox row left behind; nothing dead-lettered. Read-only.
 */
final class InvariantCheck {

    static final List<String> DATABASES = List.of("customer", "catalog", "cart", "orders", "payment", "notification",
            "shipping", "loyalty");
    static final String GLOBAL = "(all)";

    record Violation(String phase, String what) {
    }

    private final Http http;
    private final String admin;
    private final Settings settings;

    /** Reads during the checks wait less than the load's requests: the stack has settled by then. */
    private static final Duration READ_RETRY = Duration.ofSeconds(10);

    InvariantCheck(Http http, String admin, Settings settings) {
        this.http = http;
        this.admin = admin;
        this.settings = settings;
    }

    /** What the last evaluation looked at, so the report shows the checks were not vacuous. */
    final Map<String, Integer> counted = new java.util.LinkedHashMap<>();

    private void count(String what, int n) {
        counted.merge(what, n, Integer::sum);
    }

    /** Reads each order once more (the settled view every other check uses). */
    void refresh(List<OrderRun> runs) {
        counted.clear();
        for (OrderRun run : runs) {
            Response read = http.retrying("GET", "/api/admin/orders/" + run.orderId, admin, null, Map.of(), READ_RETRY);
            if (read.status() == 200) {
                run.view = read.body();
            }
        }
    }

    List<Violation> orders(List<OrderRun> runs) {
        List<Violation> found = new ArrayList<>();
        for (OrderRun run : runs) {
            JsonNode order = run.view;
            if (order == null) {
                found.add(new Violation(run.phase, "order " + run.orderId + " could not be read"));
                continue;
            }
            String status = order.get("status").asString();
            boolean openReturns = false;
            for (JsonNode r : Expectations.returns(order)) {
                openReturns |= !"REFUNDED".equals(r.get("status").asString());
            }
            boolean fin = Set.of("REJECTED", "CANCELLED", "RETURNED").contains(status)
                    || ("DELIVERED".equals(status) && !openReturns);
            if (!fin) {
                found.add(new Violation(run.phase, "order " + run.orderId + " not final: " + status
                        + (openReturns ? " with open returns" : "") + ", pendingAction=" + order.get("pendingAction")
                        + ", problem=" + order.get("problem") + " (plan " + run.plan + ")"));
            }
            count("orders", 1);
            money(run, order, found);
        }
        return found;
    }

    private void money(OrderRun run, JsonNode order, List<Violation> found) {
        Response payment = http.retrying("GET", "/api/admin/payments/" + run.orderId, admin, null, Map.of(), READ_RETRY);
        BigDecimal captured = BigDecimal.ZERO;
        BigDecimal refunded = BigDecimal.ZERO;
        if (payment.status() == 200) {
            captured = Expectations.amount(payment.body().get("captured"));
            refunded = Expectations.amount(payment.body().get("refunded"));
            long captures = payment.body().get("operations").valueStream()
                    .filter(op -> "CAPTURE".equals(op.get("kind").asString())
                            && "SUCCEEDED".equals(op.get("status").asString()))
                    .count();
            count("payments", 1);
            count("captures", (int) captures);
            if (captures > 1) {
                found.add(new Violation(run.phase, "order " + run.orderId + ": " + captures + " captures"));
            }
            String paymentStatus = payment.body().get("status").asString();
            String status = order.get("status").asString();
            if (("REJECTED".equals(status) || "CANCELLED".equals(status)) && "AUTHORIZED".equals(paymentStatus)) {
                found.add(new Violation(run.phase, "order " + run.orderId + " is " + status
                        + " but its payment is still AUTHORIZED (money held)"));
            }
        }
        else if (payment.status() != 404) {
            found.add(new Violation(run.phase, "payment of " + run.orderId + ": " + payment.describe()));
            return;
        }
        BigDecimal expected = Expectations.netPaid(order);
        BigDecimal net = captured.subtract(refunded);
        if (net.compareTo(expected) != 0) {
            found.add(new Violation(run.phase, "order " + run.orderId + " (" + order.get("status").asString()
                    + "): captured " + captured + " - refunded " + refunded + " = " + net + ", expected " + expected));
        }
        for (JsonNode r : Expectations.returns(order)) {
            if ("REFUNDED".equals(r.get("status").asString())) {
                count("refunds", 1);
                BigDecimal due = Expectations.refundDue(order, r);
                BigDecimal actual = Expectations.amount(r.get("refunded"));
                if (due.compareTo(actual) != 0) {
                    found.add(new Violation(run.phase, "return " + r.get("id").asString() + " of " + run.orderId
                            + " refunded " + actual + ", expected " + due));
                }
            }
        }
    }

    /** On hand = start − units kept by customers; nothing left reserved. */
    List<Violation> stock(Map<String, List<String>> productsByPhase, Map<String, Integer> onHandAtStart,
            List<OrderRun> runs) {
        Map<String, Integer> kept = new HashMap<>();
        for (OrderRun run : runs) {
            if (run.view != null) {
                Expectations.keptUnits(run.view).forEach((p, u) -> kept.merge(p, u, Integer::sum));
            }
        }
        List<Violation> found = new ArrayList<>();
        productsByPhase.forEach((phase, products) -> {
            for (String product : products) {
                Response level = http.retrying("GET", "/api/products/variants/" + product + "/stock", admin, null, Map.of(), READ_RETRY);
                if (level.status() != 200) {
                    found.add(new Violation(phase, "stock of " + product + ": " + level.describe()));
                    continue;
                }
                count("products", 1);
                int onHand = level.body().get("onHand").asInt();
                int reserved = level.body().get("reserved").asInt();
                int expected = onHandAtStart.get(product) - kept.getOrDefault(product, 0);
                if (onHand != expected || reserved != 0) {
                    found.add(new Violation(phase, "product " + product + ": onHand " + onHand + " (expected "
                            + expected + "), reserved " + reserved + " (expected 0)"));
                }
            }
        });
        return found;
    }

    /** Balance = sum of the ledger = what the customer's orders earned, spent and got back; nothing held. */
    List<Violation> loyalty(List<Shopper> shoppers) {
        List<Violation> found = new ArrayList<>();
        for (Shopper shopper : shoppers) {
            long expected = 0;
            long earned = 0;
            for (OrderRun run : shopper.orders) {
                if (run.orderId != null && run.view != null) {
                    expected += Expectations.pointsContribution(run.view);
                    earned += Expectations.earned(run.view);
                }
            }
            Response account = http.retrying("GET", "/api/admin/loyalty/" + shopper.id + "?size=100", admin, null, Map.of(), READ_RETRY);
            if (account.status() != 200) {
                found.add(new Violation(shopper.phase, "loyalty of " + shopper.id + ": " + account.describe()));
                continue;
            }
            JsonNode body = account.body();
            long points = body.get("account").get("points").asLong();
            long held = body.get("account").get("held").asLong();
            long ledger = body.get("ledger").get("items").valueStream().mapToLong(e -> e.get("points").asLong()).sum();
            long entries = body.get("ledger").get("totalItems").asLong();
            count("loyalty accounts", 1);
            count("ledger entries", (int) entries);
            if (entries <= 100 && ledger != points) {
                found.add(new Violation(shopper.phase, "customer " + shopper.id + ": balance " + points
                        + " but the ledger sums to " + ledger));
            }
            if (held != 0) {
                found.add(new Violation(shopper.phase, "customer " + shopper.id + ": " + held + " points still held"));
            }
            if (!body.get("problems").isEmpty()) {
                found.add(new Violation(shopper.phase, "customer " + shopper.id + ": loyalty problems "
                        + body.get("problems")));
            }
            // Above 500 points earned the tier multiplies; the suite's baskets stay well below.
            if (earned < 500 && points != expected) {
                found.add(new Violation(shopper.phase, "customer " + shopper.id + ": balance " + points
                        + ", expected " + expected + " from their orders " + orderSummary(shopper)));
            }
        }
        return found;
    }

    private static String orderSummary(Shopper shopper) {
        List<String> parts = new ArrayList<>();
        for (OrderRun run : shopper.orders) {
            if (run.view != null) {
                parts.add(run.orderId.substring(0, 8) + " " + run.view.get("status").asString() + " due "
                        + Expectations.amount(run.view.get("amountDue")) + " redeemed " + Expectations.redeemed(run.view)
                        + " refunded " + Expectations.refunded(run.view));
            }
        }
        return parts.toString();
    }

    /** Per order and type exactly the e-mails its events call for, one welcome; all sent; as many at the server. */
    List<Violation> mails(List<Shopper> shoppers, boolean countImap) {
        List<Violation> found = new ArrayList<>();
        for (Shopper shopper : shoppers) {
            Map<String, Integer> expected = new HashMap<>();
            expected.put("-/WELCOME", 1);
            for (OrderRun run : shopper.orders) {
                if (run.orderId != null && run.view != null) {
                    Expectations.mails(run.view).forEach((type, n) -> expected.put(run.orderId + "/" + type, n));
                }
            }
            Response history = http.retrying("GET", "/api/customers/me/notifications", shopper.token, null, Map.of(), READ_RETRY);
            if (history.status() != 200) {
                found.add(new Violation(shopper.phase, "notifications of " + shopper.email + ": " + history.describe()));
                continue;
            }
            JsonNode list = history.body().isArray() ? history.body() : history.body().get("content");
            Map<String, Integer> actual = new HashMap<>();
            int sent = 0;
            List<String> notSent = new ArrayList<>();
            for (JsonNode n : list) {
                JsonNode orderId = n.get("orderId");
                String key = (orderId == null || orderId.isNull() ? "-" : orderId.asString()) + "/" + n.get("type").asString();
                actual.merge(key, 1, Integer::sum);
                String status = n.get("status").asString();
                if ("SENT".equals(status)) {
                    sent++;
                }
                else {
                    notSent.add(key + " " + status);
                }
            }
            count("mails in histories", list.size());
            if (!actual.equals(expected)) {
                found.add(new Violation(shopper.phase, "e-mails of " + shopper.email + ": " + diff(expected, actual)));
            }
            if (!notSent.isEmpty()) {
                found.add(new Violation(shopper.phase, "e-mails of " + shopper.email + " not sent: " + notSent));
            }
            if (countImap) {
                // A copy with the Message-ID of one already there is the resend notification-service makes when it
                // died between the SMTP server's 250 and recording the send (its README: "the remaining window"):
                // counted, not a second e-mail. Two different Message-IDs for one notification would be.
                MailCount atServer = imapCount(shopper.email);
                count("messages at the mail server", Math.max(0, atServer.messages()));
                count("resends at the mail server (same Message-ID)", Math.max(0, atServer.resends()));
                if (atServer.distinct() != sent) {
                    found.add(new Violation(shopper.phase, shopper.email + ": " + atServer.distinct()
                            + " distinct e-mails at the mail server (" + atServer.messages() + " messages), " + sent
                            + " sent in the history"));
                }
            }
        }
        return found;
    }

    private static String diff(Map<String, Integer> expected, Map<String, Integer> actual) {
        List<String> parts = new ArrayList<>();
        expected.forEach((k, n) -> {
            int a = actual.getOrDefault(k, 0);
            if (a != n) {
                parts.add(k + " " + a + " (expected " + n + ")");
            }
        });
        actual.forEach((k, a) -> {
            if (!expected.containsKey(k)) {
                parts.add(k + " " + a + " (expected 0)");
            }
        });
        return String.join(", ", parts);
    }

    /** What a mailbox holds: messages, and how many distinct Message-IDs among them; -1 when unreadable. */
    private record MailCount(int messages, int distinct) {

        int resends() {
            return messages - distinct;
        }
    }

    private MailCount imapCount(String recipient) {
        Properties props = new Properties();
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "5000");
        try (Store store = Session.getInstance(props).getStore("imap")) {
            store.connect(settings.imapHost(), settings.imapPort(), recipient, "any");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                Message[] messages = inbox.getMessages();
                Set<String> ids = new HashSet<>();
                for (Message message : messages) {
                    String[] id = message.getHeader("Message-ID");
                    // Without a Message-ID a message counts as distinct: nothing marks it as a resend.
                    ids.add(id == null || id.length == 0 ? "no-id-" + ids.size() + "-" + message.getMessageNumber()
                            : id[0].strip());
                }
                return new MailCount(messages.length, ids.size());
            }
            finally {
                inbox.close(false);
            }
        }
        catch (MessagingException ex) {
            return new MailCount(-1, -1);
        }
    }

    /** Parked outbox rows per database now (the stack's data outlives one run: compare before and after). */
    Map<String, Long> parkedRows() {
        Map<String, Long> parked = new HashMap<>();
        for (String database : DATABASES) {
            try (Connection c = DriverManager.getConnection(settings.jdbcUrl() + database, settings.dbUser(),
                    settings.dbPassword());
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from outbox_event where parked_at is not null")) {
                rs.next();
                parked.put(database, rs.getLong(1));
            }
            catch (SQLException ex) {
                parked.put(database, 0L);
            }
        }
        return parked;
    }

    /** Outbox rows neither published nor parked, per service database; rows parked during the suite. */
    List<Violation> outboxes(Map<String, Long> parkedAtStart) {
        List<Violation> found = new ArrayList<>();
        for (String database : DATABASES) {
            try (Connection c = DriverManager.getConnection(settings.jdbcUrl() + database, settings.dbUser(),
                    settings.dbPassword())) {
                c.setReadOnly(true);
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("select count(*) filter (where published_at is null and parked_at is null),"
                                + " count(*) filter (where parked_at is not null) from outbox_event")) {
                    rs.next();
                    count("outbox tables", 1);
                    long pending = rs.getLong(1);
                    long parked = rs.getLong(2);
                    if (pending > 0) {
                        found.add(new Violation(GLOBAL, database + ": " + pending + " outbox rows not published"));
                    }
                    if (parked > parkedAtStart.getOrDefault(database, 0L)) {
                        found.add(new Violation(GLOBAL, database + ": " + (parked - parkedAtStart.getOrDefault(database, 0L))
                                + " outbox rows parked (Kafka refused them) during the suite"));
                    }
                }
            }
            catch (SQLException ex) {
                found.add(new Violation(GLOBAL, database + ": cannot read outbox_event: " + ex.getMessage()));
            }
        }
        return found;
    }
}
