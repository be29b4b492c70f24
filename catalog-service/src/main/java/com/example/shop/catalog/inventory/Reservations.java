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
import com.example.shop.catalog.product.StockLevel;
import com.example.shop.catalog.product.StockMovement;
import com.example.shop.catalog.product.VariantId;

/**
 * Takes stock for orders, gives it back and commits it (F02 Inventory).
 *
 * <p>Invariants: per variant on hand = available + reserved and nothing is ever negative (conditional updates,
 * plus CHECKs in the table); a reservation takes all of its lines or none; each order id is reserved at most
 * once; reserved is exactly what RESERVED and CONFIRMED reservations hold; each move of a reservation happens
 * at most once whatever callers, replicas, expiry jobs and redelivered events run concurrently: every move
 * decides on the reservation's status read under a row lock (or a conditional update on it, for the expiry
 * job) in the same transaction as the stock change and its ledger rows.
 *
 * <p>The order lifecycle: RESERVED -> CONFIRMED (order confirmed; no longer expires) -> COMMITTED (order
 * shipped), or -> RELEASED (order rejected or cancelled), or RESERVED -> EXPIRED (not confirmed in time).
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
                return switch (first) {
                    case EXPIRED -> renew(orderId, expiresAt, status);
                    // A confirmed reservation still holds its stock; order-service only knows RESERVED|REJECTED.
                    case CONFIRMED -> ReservationStatus.RESERVED;
                    default -> first;
                };
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
     * Gives a reservation's stock back, once (the order was rejected or cancelled): RESERVED or CONFIRMED moves
     * to RELEASED in the same transaction as the stock update. Unknown, rejected, released, expired or
     * committed reservations are left as they are.
     *
     * @return the reservation's status afterwards (EXPIRED for one whose stock the expiry job already gave
     *     back, COMMITTED for one whose order shipped); empty for an unknown order
     */
    public Optional<ReservationStatus> release(OrderId orderId) {
        return tx.execute(status -> {
            Optional<ReservationStatus> current = reservations.lock(orderId);
            if (current.isEmpty() || !current.get().holdsStock()) {
                return current;
            }
            reservations.setStatus(orderId, ReservationStatus.RELEASED);
            for (ReservationLine line : sorted(reservations.lines(orderId))) {
                products.unreserve(line.productId(), line.quantity(), StockMovement.Reason.RELEASED, orderId.value());
            }
            return Optional.of(ReservationStatus.RELEASED);
        });
    }

    /**
     * Confirms a reservation, once (the order is paid for): RESERVED moves to CONFIRMED, its units stay
     * reserved and it no longer expires. A confirmation that comes after the reservation EXPIRED (an order left
     * PENDING longer than the TTL) reserves its units again from what is available, all lines or none, also of
     * a product archived meanwhile; if they are gone it stays EXPIRED and the shipment settles it later.
     * Released, rejected, confirmed and committed reservations are left as they are, so a confirmation read
     * after the shipment (events out of order) changes nothing.
     *
     * @return the reservation's status afterwards; empty for an unknown order
     */
    public Optional<ReservationStatus> confirm(OrderId orderId) {
        return tx.execute(status -> {
            Optional<ReservationStatus> current = reservations.lock(orderId);
            if (current.isEmpty()) {
                log.warn("Order {} was confirmed but never reserved here; nothing to confirm", orderId);
                return current;
            }
            switch (current.get()) {
                case RESERVED -> {
                    reservations.setStatus(orderId, ReservationStatus.CONFIRMED);
                    return Optional.of(ReservationStatus.CONFIRMED);
                }
                case EXPIRED -> {
                    Object beforeRenewal = status.createSavepoint();
                    for (ReservationLine line : sorted(reservations.lines(orderId))) {
                        if (!products.reserveForConfirmedOrder(line.productId(), line.quantity(), orderId.value())) {
                            status.rollbackToSavepoint(beforeRenewal);
                            // A paid order whose units were sold meanwhile: the shipment takes what is left, and
                            // records the rest as a shortfall.
                            log.warn("Order {} was confirmed after its reservation expired and its stock is gone; "
                                    + "it stays EXPIRED", orderId);
                            return current;
                        }
                    }
                    status.releaseSavepoint(beforeRenewal);
                    reservations.setStatus(orderId, ReservationStatus.CONFIRMED);
                    return Optional.of(ReservationStatus.CONFIRMED);
                }
                case RELEASED -> {
                    log.warn("Order {} was confirmed but its reservation was released; nothing is held for it", orderId);
                    return current;
                }
                default -> {
                    return current;
                }
            }
        });
    }

    /**
     * Commits a reservation's stock, once ({@code POST /internal/reservations/{orderId}/commit}): RESERVED or
     * CONFIRMED moves to COMMITTED and the units leave on hand and reserved together. A commit that comes after
     * the reservation EXPIRED (its stock went back) takes the units again from what is available, all lines or
     * none, and then moves EXPIRED to COMMITTED; if they are gone it stays EXPIRED. Released, rejected and
     * committed reservations are left as they are.
     *
     * @return the reservation's status afterwards; empty for an unknown order
     */
    public Optional<ReservationStatus> commit(OrderId orderId) {
        return tx.execute(status -> {
            Optional<ReservationStatus> current = reservations.lock(orderId);
            if (current.isEmpty()) {
                return current;
            }
            if (current.get().holdsStock()) {
                commitHeld(orderId);
                return Optional.of(ReservationStatus.COMMITTED);
            }
            if (current.get() == ReservationStatus.EXPIRED) {
                Object beforeLateCommit = status.createSavepoint();
                for (ReservationLine line : sorted(reservations.lines(orderId))) {
                    if (!products.commitAvailable(line.productId(), line.quantity(), orderId.value())) {
                        status.rollbackToSavepoint(beforeLateCommit);
                        log.warn("Order {} was committed after its reservation expired and its stock is gone; "
                                + "nothing was committed", orderId);
                        return current;
                    }
                }
                status.releaseSavepoint(beforeLateCommit);
                reservations.setStatus(orderId, ReservationStatus.COMMITTED);
                return Optional.of(ReservationStatus.COMMITTED);
            }
            if (current.get() == ReservationStatus.RELEASED) {
                log.warn("Order {} was committed but its reservation was released; no stock was committed", orderId);
            }
            return current;
        });
    }

    /**
     * The order's parcel left the warehouse ({@code order.shipped.v1}): the reservation becomes COMMITTED,
     * once. RESERVED or CONFIRMED units leave on hand and reserved together. The goods are gone whatever the
     * books say, so a reservation that had EXPIRED or was RELEASED meanwhile still commits: each line takes its
     * units from what is available; what is not available (sold again meanwhile) cannot come out of units other
     * orders hold without breaking their reservations, so that part is recorded in {@code stock_shortfall}
     * (and logged) for a stock count to settle, and the figures stay valid. Never fails for lack of stock, so
     * the event is never retried for it. Committed, rejected and unknown reservations are left as they are.
     *
     * @return the reservation's status afterwards; empty for an unknown order
     */
    public Optional<ReservationStatus> ship(OrderId orderId) {
        return tx.execute(status -> {
            Optional<ReservationStatus> current = reservations.lock(orderId);
            if (current.isEmpty()) {
                log.warn("Order {} shipped but was never reserved here; no stock was taken", orderId);
                return current;
            }
            switch (current.get()) {
                case RESERVED, CONFIRMED -> commitHeld(orderId);
                case EXPIRED, RELEASED -> {
                    reservations.setStatus(orderId, ReservationStatus.COMMITTED);
                    for (ReservationLine line : sorted(reservations.lines(orderId))) {
                        commitWhatIsAvailable(orderId, line);
                    }
                }
                case REJECTED -> {
                    log.warn("Order {} shipped but its reservation was rejected; no stock was taken", orderId);
                    return current;
                }
                default -> {
                    return current;
                }
            }
            return Optional.of(ReservationStatus.COMMITTED);
        });
    }

    private void commitHeld(OrderId orderId) {
        reservations.setStatus(orderId, ReservationStatus.COMMITTED);
        for (ReservationLine line : sorted(reservations.lines(orderId))) {
            products.commitReserved(line.productId(), line.quantity(), orderId.value());
        }
    }

    private void commitWhatIsAvailable(OrderId orderId, ReservationLine line) {
        int available = products.lockStock(new VariantId(line.productId().value())).map(StockLevel::available)
                .orElse(0);
        int taken = Math.min(available, line.quantity());
        if (taken > 0) {
            products.commitAvailable(line.productId(), taken, orderId.value());
        }
        int missing = line.quantity() - taken;
        if (missing > 0) {
            reservations.recordShortfall(orderId, line.productId(), missing);
            log.warn("Order {} shipped {} units of {} that stock no longer had (its reservation had ended); "
                    + "recorded as a shortfall for a stock count", orderId, missing, line.productId());
        }
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
