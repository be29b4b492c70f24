package com.example.shop.order.ordering;

import java.util.List;

/**
 * An order with everything that happened to it: status history, returns, the carrier's tracking events, and
 * the last intent that failed for good (null when none).
 */
public record OrderDetails(Order order, List<StatusChange> history, List<OrderReturn> returns,
        List<TrackingEvent> tracking, String actionProblem) {
}
