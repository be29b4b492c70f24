package com.example.shop.order.ordering;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Picks up orders left PENDING (a service was unreachable, or this service crashed mid-checkout) and drives
 * them again, so no order stays PENDING once the other services are back. Each replica leases the orders it
 * takes ({@link OrderRepository#leaseStalePending}), so two replicas never drive the same order at once; and
 * if they did, the idempotent steps and conditional final update would still publish one event.
 */
@Component
@ConditionalOnBooleanProperty(name = "shop.order.recovery.enabled", matchIfMissing = true)
class PendingOrderRecovery {

    private static final Logger log = LoggerFactory.getLogger(PendingOrderRecovery.class);

    private final OrderRepository orders;
    private final OrderProcessing processing;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final OrderProperties.Recovery settings;

    PendingOrderRecovery(OrderRepository orders, OrderProcessing processing, PlatformTransactionManager txManager,
            Clock clock, OrderProperties properties) {
        this.orders = orders;
        this.processing = processing;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
        this.settings = properties.recovery();
    }

    @Scheduled(fixedDelayString = "${shop.order.recovery.interval:5s}",
            initialDelayString = "${shop.order.recovery.interval:5s}")
    void recoverPendingOrders() {
        List<OrderId> leased = tx.execute(status -> orders.leaseStalePending(clock.instant(),
                settings.staleAfter(), settings.batchSize()));
        for (OrderId id : leased == null ? List.<OrderId>of() : leased) {
            try {
                Order order = processing.drive(id);
                if (order.status().isFinal()) {
                    log.info("Recovered order {}: {}", id, order.status());
                }
            }
            catch (RuntimeException ex) {
                // One broken order must not keep the others PENDING; its lease runs out and it is tried again.
                log.error("Could not drive order {}", id, ex);
            }
        }
    }
}
