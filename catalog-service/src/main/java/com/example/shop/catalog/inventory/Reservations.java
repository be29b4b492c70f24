package com.example.shop.catalog.inventory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.shop.catalog.product.ProductId;
import com.example.shop.catalog.product.ProductRepository;
import com.example.shop.catalog.product.StockMovement;

/**
 * Takes stock for orders, gives it back and commits it (F02 Inventory).
 *
 * <p>Invariants: per variant on hand = available + reserved and nothing is ever negative (conditional updates,
 * plus CHECKs in the table); a reservation takes all of its lines or none; each order id is reserved at most
 * once, and its reservation leaves RESERVED at most once (to RELEASED, EXPIRED or COMMITTED), whatever callers,
 * replicas and expiry jobs run concurrently: every move is a conditional update on the status in the same
 * transaction as the stock change and its ledger rows.
 */
@Service
public class Reservations {

    private static final Logger log = LoggerFactory.getLogger(Reservations.class);

    private final ReservationRepository reservations;
    private final ProductRepository products;
    private final TransactionTemplate tx;
    private final InventoryProperties properties;
    private final Clock clock;

    Reservations(ReservationRepository reservations, ProductRepository products, PlatformTransactionManager txManager,
            InventoryProperties properties, ObjectProvider<Clock> clock) {
        this.reservations = reservations;
        this.products = products;
        this.tx = new TransactionTemplate(txManager);
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * Reserves every line or none, until {@code shop.inventory.reservation-ttl} from now. Asking again for the
     * same order returns the first outcome and takes no more stock; an unknown product or too little stock
     * gives REJECTED, which is recorded like RESERVED. Asking again after the reservation EXPIRED (an order
     * that stayed PENDING longer than the TTL, retried by order-service's recovery) reserves its lines again
     * if they are all available, else answers REJECTED and leaves it EXPIRED.
     */
    public ReservationStatus reserve(OrderId orderId, List<ReservationLine> requested) {
        if (requested.isEmpty()) {
            throw new IllegalArgumentException("a reservation needs at least one line");
        }
        List<ReservationLine> lines = mergedAndSorted(requested);
        Instant expiresAt = clock.instant().plus(properties.reservationTtl());
        return tx.execute(status -> {
            if (!reservations.claim(orderId, ReservationStatus.RESERVED, expiresAt)) {
                ReservationStatus first = reservations.status(orderId).orElseThrow();
                return first == ReservationStatus.EXPIRED ? renew(orderId, expiresAt, status) : first;
            }
            reservations.addLines(orderId, lines);
            // The updates lock variant rows; taking them in id order in every transaction means two
            // reservations can never wait for each other in a cycle.
            Object beforeStock = status.createSavepoint();
            for (ReservationLine line : lines) {
                if (!products.reserve(line.productId(), line.quantity(), orderId.value())) {
                    status.rollbackToSavepoint(beforeStock);
                    reservations.setStatus(orderId, ReservationStatus.REJECTED);
                    return ReservationStatus.REJECTED;
                }
            }
            status.releaseSavepoint(beforeStock);
            return ReservationStatus.RESERVED;
        });
    }

    private ReservationStatus renew(OrderId orderId, Instant expiresAt, TransactionStatus status) {
        Object beforeRenewal = status.createSavepoint();
        if (!reservations.renewExpired(orderId, expiresAt)) {
            status.releaseSavepoint(beforeRenewal);
            return reservations.status(orderId).orElseThrow();
        }
        for (ReservationLine line : sorted(reservations.lines(orderId))) {
            if (!products.reserve(line.productId(), line.quantity(), orderId.value())) {
                status.rollbackToSavepoint(beforeRenewal);
                return ReservationStatus.REJECTED;
            }
        }
        status.releaseSavepoint(beforeRenewal);
        return ReservationStatus.RESERVED;
    }

    /**
     * Gives a reservation's stock back, once (the order was rejected or cancelled): RESERVED moves to RELEASED
     * in the same transaction as the stock update, and only if it is still RESERVED. Unknown, rejected,
     * released, expired or committed reservations are left as they are.
     *
     * @return the reservation's status afterwards (EXPIRED for one whose stock the expiry job already gave
     *     back); empty for an unknown order
     */
    public Optional<ReservationStatus> release(OrderId orderId) {
        return tx.execute(status -> {
            if (reservations.transition(orderId, ReservationStatus.RESERVED, ReservationStatus.RELEASED)) {
                for (ReservationLine line : sorted(reservations.lines(orderId))) {
                    products.unreserve(line.productId(), line.quantity(), StockMovement.Reason.RELEASED,
                            orderId.value());
                }
            }
            return reservations.status(orderId);
        });
    }

    /**
     * Commits a reservation's stock, once (the order was confirmed): RESERVED moves to COMMITTED and the units
     * leave on hand and reserved together. A confirmation that comes after the reservation EXPIRED (its stock
     * went back) takes the units again from what is available, all lines or none, and then moves EXPIRED to
     * COMMITTED; if they are gone it stays EXPIRED. Released, rejected and committed reservations are left as
     * they are.
     *
     * @return the reservation's status afterwards; empty for an unknown order
     */
    public Optional<ReservationStatus> commit(OrderId orderId) {
        return tx.execute(status -> {
            if (reservations.transition(orderId, ReservationStatus.RESERVED, ReservationStatus.COMMITTED)) {
                for (ReservationLine line : sorted(reservations.lines(orderId))) {
                    products.commitReserved(line.productId(), line.quantity(), orderId.value());
                }
                return Optional.of(ReservationStatus.COMMITTED);
            }
            Object beforeLateCommit = status.createSavepoint();
            if (reservations.transition(orderId, ReservationStatus.EXPIRED, ReservationStatus.COMMITTED)) {
                for (ReservationLine line : sorted(reservations.lines(orderId))) {
                    if (!products.commitAvailable(line.productId(), line.quantity(), orderId.value())) {
                        status.rollbackToSavepoint(beforeLateCommit);
                        // A paid order whose units were sold to someone else: a person has to sort it out.
                        log.warn("Order {} was confirmed after its reservation expired and its stock is gone; "
                                + "nothing was committed", orderId);
                        return Optional.of(ReservationStatus.EXPIRED);
                    }
                }
                status.releaseSavepoint(beforeLateCommit);
                return Optional.of(ReservationStatus.COMMITTED);
            }
            status.releaseSavepoint(beforeLateCommit);
            Optional<ReservationStatus> current = reservations.status(orderId);
            if (current.isPresent() && current.get() == ReservationStatus.RELEASED) {
                log.warn("Order {} was confirmed but its reservation was released; no stock was committed", orderId);
            }
            return current;
        });
    }

    /**
     * Expires one batch of RESERVED reservations whose expiry is at or before {@code now}, giving their stock
     * back, in one transaction. Safe with several replicas: due rows are locked with {@code skip locked}, and a
     * release or commit that races with the job either finds the reservation EXPIRED or keeps it from the job.
     *
     * @return how many reservations expired
     */
    public int expireDue(Instant now) {
        Integer expired = tx.execute(status -> {
            List<OrderId> due = reservations.lockDue(now, properties.expiryBatchSize());
            record Held(ReservationLine line, OrderId orderId) {
            }
            List<Held> held = new ArrayList<>();
            for (OrderId orderId : due) {
                if (reservations.transition(orderId, ReservationStatus.RESERVED, ReservationStatus.EXPIRED)) {
                    reservations.lines(orderId).forEach(line -> held.add(new Held(line, orderId)));
                }
            }
            // Across the whole batch, variant rows are locked in id order, like every reservation does.
            held.sort(Comparator.comparing((Held h) -> h.line().productId())
                    .thenComparing(h -> h.orderId().value()));
            for (Held h : held) {
                products.unreserve(h.line().productId(), h.line().quantity(), StockMovement.Reason.EXPIRED,
                        h.orderId().value());
            }
            return due.size();
        });
        return expired == null ? 0 : expired;
    }

    public Optional<ReservationStatus> status(OrderId orderId) {
        return reservations.status(orderId);
    }

    /** One line per product (quantities of repeated products added up), in lock order. */
    static List<ReservationLine> mergedAndSorted(List<ReservationLine> lines) {
        Map<ProductId, Integer> quantities = new TreeMap<>();
        for (ReservationLine line : lines) {
            quantities.merge(line.productId(), line.quantity(), Integer::sum);
        }
        return quantities.entrySet().stream().map(e -> new ReservationLine(e.getKey(), e.getValue())).toList();
    }

    private static List<ReservationLine> sorted(List<ReservationLine> lines) {
        return lines.stream().sorted(Comparator.comparing(ReservationLine::productId)).toList();
    }
}
