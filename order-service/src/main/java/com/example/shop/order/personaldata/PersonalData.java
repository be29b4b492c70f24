package com.example.shop.order.personaldata;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.shop.order.ordering.Actor;
import com.example.shop.order.ordering.CustomerId;
import com.example.shop.order.ordering.Order;
import com.example.shop.order.ordering.OrderDetails;
import com.example.shop.order.ordering.OrderId;
import com.example.shop.order.ordering.OrderLifecycle;
import com.example.shop.order.ordering.OrderRepository;
import com.example.shop.order.ordering.StatusChange;

/**
 * The personal data order-service keeps about a customer (their orders, with e-mail, recipient and address):
 * exported for customer-service's CRM, and anonymised when the customer is deleted. The orders themselves,
 * their lines, amounts and history stay: the shop must keep them for its accounts.
 */
@Service
public class PersonalData {

    private static final Logger log = LoggerFactory.getLogger(PersonalData.class);

    private final OrderRepository orders;
    private final OrderLifecycle lifecycle;
    private final TransactionTemplate tx;
    private final Clock clock;

    PersonalData(OrderRepository orders, OrderLifecycle lifecycle, PlatformTransactionManager txManager, Clock clock) {
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    /** Every order of the customer with its details (addresses, returns, history), newest first. */
    public List<OrderDetails> export(CustomerId customer) {
        return orders.findAllByCustomer(customer).stream().map(lifecycle::details).toList();
    }

    /**
     * {@code customer.deleted.v1}: removes the customer's personal data from their orders (see
     * {@link OrderRepository#anonymise}) and notes it in each order's history. Idempotent: orders anonymised
     * before are left alone. Runs in the caller's (the inbox's) transaction when there is one.
     *
     * @return how many orders were anonymised now
     */
    public int anonymise(CustomerId customer) {
        Integer count = tx.execute(status -> {
            Instant now = clock.instant();
            List<OrderId> anonymised = orders.anonymise(customer, now);
            for (OrderId id : anonymised) {
                Order order = orders.findById(id).orElseThrow();
                orders.appendHistory(id, new StatusChange(order.status(), order.status(), now, Actor.SYSTEM,
                        "ANONYMISED", "customer deleted"));
            }
            return anonymised.size();
        });
        log.info("Customer {} deleted: {} orders anonymised", customer, count);
        return count == null ? 0 : count;
    }
}
