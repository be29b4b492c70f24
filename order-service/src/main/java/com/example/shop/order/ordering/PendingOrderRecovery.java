package com.example.shop.order.ordering;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Picks up orders left PENDING (a service was unreachable, or this service crashed mid-checkout), and orders
 * with an unfinished intent (SHIP, CANCEL, REFUND: {@link OrderLifecycle}), and drives them again, so no order
 * stays PENDING and no intent stays unfinished once the other services are back. It only takes orders whose lease
 * has run out (the request thread owns a new order's lease, a driver that leaves an order PENDING lets its
 * lease end when the order should be tried again), and leases them to itself
 * ({@link OrderRepository#leaseStalePending}), so no two drivers work on one order at once.
 */
@Component
@ConditionalOnBooleanProperty(name = "shop.order.recovery.enabled", matchIfMissing = true)
class PendingOrderRecovery {

    private static final Logger log = LoggerFactory.getLogger(PendingOrderRecovery.class);

    private final OrderRepository orders;
    private final OrderProcessing processing;
    private final OrderLifecycle lifecycle;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final OrderProperties.Recovery settings;

    PendingOrderRecovery(OrderRepository orders, OrderProcessing processing, OrderLifecycle lifecycle,
            PlatformTransactionManager txManager, Clock clock, OrderProperties properties) {
        this.orders = orders;
        this.processing = processing;
        this.lifecycle = lifecycle;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
        this.settings = properties.recovery();
    }

    @Scheduled(fixedDelayString = "${shop.order.recovery.interval:5s}",
            initialDelayString = "${shop.order.recovery.interval:5s}")
    void recoverOrders() {
        UUID driver = UUID.randomUUID();
        List<OrderId> leased = tx.execute(status -> orders.leaseStalePending(clock.instant(),
                settings.lease(), settings.batchSize(), driver));
        for (OrderId id : leased == null ? List.<OrderId>of() : leased) {
            try {
                // drive renews the lease first, so an order whose lease ran out while earlier ones were driven
                // and which another replica took meanwhile is left to that replica.
                Order stored = orders.findById(id).orElseThrow();
                if (stored.status() == OrderStatus.PENDING) {
                    Order order = processing.drive(id, driver);
                    if (order.status().isFinal()) {
                        log.info("Recovered order {}: {}", id, order.status());
                    }
                }
                else {
                    OrderLifecycle.Drive drive = lifecycle.drive(id, driver);
                    log.info("Drove {} of order {}: now {}{}", stored.pendingAction().orElse(null), id,
                            drive.order().status(), drive.order().pendingAction().map(a -> ", " + a + " pending")
                                    .orElse(""));
                }
            }
            catch (RuntimeException ex) {
                // One broken order must not keep the others PENDING; its lease runs out and it is tried again.
                log.error("Could not drive order {}", id, ex);
            }
        }
    }
}
