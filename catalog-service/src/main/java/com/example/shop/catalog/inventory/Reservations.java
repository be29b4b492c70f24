package com.example.shop.catalog.inventory;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.shop.catalog.product.ProductId;
import com.example.shop.catalog.product.ProductRepository;

/**
 * Takes stock for orders and gives it back (F02 Inventory).
 *
 * <p>Invariants: stock never goes negative and is never oversold (conditional updates, plus a CHECK in the
 * table); a reservation takes all of its lines or none; each order id is reserved at most once and released
 * at most once, whatever the callers retry or run concurrently.
 */
@Service
public class Reservations {

    private final ReservationRepository reservations;
    private final ProductRepository products;
    private final TransactionTemplate tx;

    Reservations(ReservationRepository reservations, ProductRepository products, PlatformTransactionManager txManager) {
        this.reservations = reservations;
        this.products = products;
        this.tx = new TransactionTemplate(txManager);
    }

    /**
     * Reserves every line or none. Asking again for the same order returns the first outcome and takes no
     * more stock; an unknown product or too little stock gives REJECTED, which is recorded like RESERVED.
     */
    public ReservationStatus reserve(OrderId orderId, List<ReservationLine> requested) {
        if (requested.isEmpty()) {
            throw new IllegalArgumentException("a reservation needs at least one line");
        }
        List<ReservationLine> lines = mergedAndSorted(requested);
        return tx.execute(status -> {
            if (!reservations.claim(orderId, ReservationStatus.RESERVED)) {
                return reservations.status(orderId).orElseThrow();
            }
            reservations.addLines(orderId, lines);
            // The updates lock product rows; taking them in product-id order in every transaction means two
            // reservations can never wait for each other in a cycle.
            Object beforeStock = status.createSavepoint();
            for (ReservationLine line : lines) {
                if (!products.take(line.productId(), line.quantity())) {
                    status.rollbackToSavepoint(beforeStock);
                    reservations.setStatus(orderId, ReservationStatus.REJECTED);
                    return ReservationStatus.REJECTED;
                }
            }
            status.releaseSavepoint(beforeStock);
            return ReservationStatus.RESERVED;
        });
    }

    /**
     * Gives a reservation's stock back, once: the status moves RESERVED to RELEASED in the same transaction as
     * the stock update and only if it is still RESERVED. Unknown, rejected or released reservations are left
     * as they are.
     *
     * @return the reservation's status afterwards; empty for an unknown order
     */
    public Optional<ReservationStatus> release(OrderId orderId) {
        return tx.execute(status -> {
            if (reservations.transition(orderId, ReservationStatus.RESERVED, ReservationStatus.RELEASED)) {
                for (ReservationLine line : sorted(reservations.lines(orderId))) {
                    products.giveBack(line.productId(), line.quantity());
                }
            }
            return reservations.status(orderId);
        });
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
