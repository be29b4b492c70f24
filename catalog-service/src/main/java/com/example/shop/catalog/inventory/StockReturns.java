package com.example.shop.catalog.inventory;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.shop.catalog.product.ProductRepository;

/**
 * Puts returned goods back on hand (F02 Inventory), once per return: the return id is recorded in the same
 * transaction as the stock change and its RETURNED ledger rows, so a redelivered or repeated
 * {@code order.return_received.v1} changes nothing.
 */
@Service
public class StockReturns {

    private static final Logger log = LoggerFactory.getLogger(StockReturns.class);

    private final StockReturnRepository returns;
    private final ProductRepository products;
    private final TransactionTemplate tx;

    StockReturns(StockReturnRepository returns, ProductRepository products, PlatformTransactionManager txManager) {
        this.returns = returns;
        this.products = products;
        this.tx = new TransactionTemplate(txManager);
    }

    /**
     * Records a received return. With {@code restocked}, each line's units come back on hand and can be sold
     * again (available and on hand go up); without, the goods were written off and only the return is recorded
     * (they left stock when the order shipped, so no figure changes). Lines are taken in variant id order, like
     * every stock change, so this never deadlocks with a reservation.
     *
     * @return {@code true} when the return was recorded now, {@code false} when it already had been
     */
    public boolean receive(ReturnId returnId, OrderId orderId, List<ReservationLine> lines, boolean restocked,
            Instant receivedAt) {
        Boolean recorded = tx.execute(status -> {
            if (!returns.claim(returnId, orderId, restocked, receivedAt)) {
                return false;
            }
            if (restocked && !lines.isEmpty()) {
                for (ReservationLine line : Reservations.mergedAndSorted(lines)) {
                    if (!products.restock(line.productId(), line.quantity(), orderId.value(), returnId.value())) {
                        log.warn("Return {} of order {} names unknown variant {}; its {} units were not restocked",
                                returnId, orderId, line.productId(), line.quantity());
                    }
                }
            }
            return true;
        });
        return Boolean.TRUE.equals(recorded);
    }
}
