package com.example.shop.resilience;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The figures an order must lead to, computed from the order as order-service finally shows it, with the
 * contract's arithmetic (docs/architecture.md, "Order lifecycle" and "Loyalty in checkout").
 */
final class Expectations {

    static final Set<String> SHIPPED_STATES = Set.of("SHIPPED", "DELIVERED", "RETURNED");
    static final Set<String> NEVER_CONFIRMED = Set.of("PENDING", "REJECTED", "UNKNOWN");

    private Expectations() {
    }

    static BigDecimal amount(JsonNode money) {
        return money == null || money.isNull() || money.get("amount") == null ? BigDecimal.ZERO
                : new BigDecimal(money.get("amount").asString());
    }

    static boolean shipped(JsonNode order) {
        return SHIPPED_STATES.contains(order.get("status").asString());
    }

    static boolean everConfirmed(JsonNode order) {
        return !NEVER_CONFIRMED.contains(order.get("status").asString());
    }

    /** Units per line number. */
    static Map<Integer, Integer> ordered(JsonNode order) {
        Map<Integer, Integer> units = new HashMap<>();
        order.get("items").forEach(line -> units.put(line.get("lineNo").asInt(), line.get("quantity").asInt()));
        return units;
    }

    static Iterable<JsonNode> returns(JsonNode order) {
        JsonNode returns = order.get("returns");
        return returns == null || returns.isNull() ? java.util.List.of() : returns;
    }

    /**
     * What one return must refund: its units' share of the amount due, half-even to the cent; the return
     * that completes the order (every unit back, every other return refunded) gets what is left.
     */
    static BigDecimal refundDue(JsonNode order, JsonNode theReturn) {
        BigDecimal total = amount(order.get("total"));
        BigDecimal due = amount(order.get("amountDue"));
        Map<Integer, BigDecimal> priceByLine = new HashMap<>();
        order.get("items").forEach(l -> priceByLine.put(l.get("lineNo").asInt(), amount(l.get("unitPrice"))));
        BigDecimal value = BigDecimal.ZERO;
        for (JsonNode line : theReturn.get("lines")) {
            value = value.add(priceByLine.get(line.get("lineNo").asInt())
                    .multiply(BigDecimal.valueOf(line.get("quantity").asInt())));
        }
        BigDecimal others = BigDecimal.ZERO;
        Map<Integer, Integer> back = new HashMap<>();
        boolean othersRefunded = true;
        for (JsonNode r : returns(order)) {
            r.get("lines").forEach(l -> back.merge(l.get("lineNo").asInt(), l.get("quantity").asInt(), Integer::sum));
            if (!r.get("id").asString().equals(theReturn.get("id").asString())) {
                others = others.add(amount(r.get("refunded")));
                othersRefunded &= "REFUNDED".equals(r.get("status").asString());
            }
        }
        boolean completes = othersRefunded && back.equals(ordered(order));
        if (completes) {
            return due.subtract(others);
        }
        if (total.signum() == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal share = value.multiply(due).divide(total, 2, RoundingMode.HALF_EVEN);
        return share.min(due.subtract(others));
    }

    /** captured − refunded that payment-service must show for the order. */
    static BigDecimal netPaid(JsonNode order) {
        if (!shipped(order)) {
            return BigDecimal.ZERO;
        }
        BigDecimal net = amount(order.get("amountDue"));
        for (JsonNode r : returns(order)) {
            if ("REFUNDED".equals(r.get("status").asString())) {
                net = net.subtract(refundDue(order, r));
            }
        }
        return net;
    }

    /** Units per product that left the warehouse for good: shipped, less what came back onto the shelf. */
    static Map<String, Integer> keptUnits(JsonNode order) {
        Map<String, Integer> kept = new HashMap<>();
        if (!shipped(order)) {
            return kept;
        }
        order.get("items").forEach(l -> kept.merge(l.get("productId").asString(), l.get("quantity").asInt(), Integer::sum));
        for (JsonNode r : returns(order)) {
            String status = r.get("status").asString();
            boolean received = "RECEIVED".equals(status) || "REFUNDED".equals(status);
            if (received && r.get("restocked") != null && r.get("restocked").asBoolean()) {
                r.get("lines").forEach(l -> kept.merge(l.get("productId").asString(), -l.get("quantity").asInt(), Integer::sum));
            }
        }
        return kept;
    }

    /** Money refunded on the order so far, by its returns. */
    static BigDecimal refunded(JsonNode order) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode r : returns(order)) {
            if ("REFUNDED".equals(r.get("status").asString())) {
                sum = sum.add(amount(r.get("refunded")));
            }
        }
        return sum;
    }

    /** Points earned at confirmation in the BRONZE tier: floor(amount due). */
    static long earned(JsonNode order) {
        return everConfirmed(order) ? amount(order.get("amountDue")).setScale(0, RoundingMode.FLOOR).longValueExact() : 0;
    }

    static long redeemed(JsonNode order) {
        JsonNode points = order.get("pointsRedeemed");
        return everConfirmed(order) && points != null && !points.isNull() ? points.asLong() : 0;
    }

    /**
     * The order's share of the customer's balance (BRONZE tier): earned − redeemed, all of it taken back
     * on a cancellation or a full refund, in proportion (rounded down) on a partial refund.
     */
    static long pointsContribution(JsonNode order) {
        String status = order.get("status").asString();
        if (!everConfirmed(order) || "CANCELLED".equals(status) || "RETURNED".equals(status)) {
            return 0;
        }
        long earned = earned(order);
        long redeemed = redeemed(order);
        BigDecimal due = amount(order.get("amountDue"));
        BigDecimal refunded = refunded(order);
        if (refunded.signum() == 0) {
            return earned - redeemed;
        }
        if (due.signum() == 0 || refunded.compareTo(due) >= 0) {
            return 0;
        }
        long reversed = BigDecimal.valueOf(earned).multiply(refunded).divide(due, 0, RoundingMode.FLOOR).longValueExact();
        long restored = BigDecimal.valueOf(redeemed).multiply(refunded).divide(due, 0, RoundingMode.FLOOR).longValueExact();
        return earned - redeemed - reversed + restored;
    }

    /** The e-mail types the order must have caused, each exactly once (the survey follows a delivery). */
    static Map<String, Integer> mails(JsonNode order) {
        Map<String, Integer> mails = new HashMap<>();
        String status = order.get("status").asString();
        if ("REJECTED".equals(status)) {
            mails.put("ORDER_REJECTED", 1);
        }
        if (everConfirmed(order)) {
            mails.put("ORDER_CONFIRMED", 1);
        }
        if ("CANCELLED".equals(status)) {
            mails.put("ORDER_CANCELLED", 1);
        }
        if (shipped(order)) {
            mails.put("ORDER_SHIPPED", 1);
        }
        if ("DELIVERED".equals(status) || "RETURNED".equals(status)) {
            mails.put("SURVEY", 1);
        }
        int refunds = 0;
        for (JsonNode r : returns(order)) {
            if ("REFUNDED".equals(r.get("status").asString())) {
                refunds++;
            }
        }
        if (refunds > 0) {
            mails.put("ORDER_REFUNDED", refunds);
        }
        return mails;
    }
}
