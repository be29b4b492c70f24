package com.example.shop.shipping.shipments;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.shop.contracts.shipment.ShipmentEvents;
import com.example.shop.platform.messaging.Outbox;

/**
 * Buys the label of an order, once, with the cheapest service. The shipment row, with its id, is stored
 * before the carrier is called, and that id is the carrier's idempotency key: concurrent or repeated requests,
 * and a retry after an answer that never came, all end with the one label the carrier bought first.
 *
 * <p>The first request's parcel (weight, address) wins until a label is bought; once it is, the shipment is
 * answered as it is. Only a shipment the carrier rejected takes a new parcel, so a corrected address can be
 * tried again.
 */
@Service
public class LabelPurchases {

    private static final Logger log = LoggerFactory.getLogger(LabelPurchases.class);

    private final ShipmentRepository shipments;
    private final ShipmentQuotes quotes;
    private final Carrier carrier;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final Clock clock;

    LabelPurchases(ShipmentRepository shipments, ShipmentQuotes quotes, Carrier carrier, Outbox outbox,
            PlatformTransactionManager transactions, Clock clock) {
        this.shipments = shipments;
        this.quotes = quotes;
        this.carrier = carrier;
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * The order's shipment with its label.
     *
     * @param customerId the order's customer, kept for export and deletion of personal data; may be {@code null}
     *
     * @throws AddressRejectedException when the carrier cannot serve the parcel
     * @throws CarrierUnavailableException while the carrier cannot be reached or its answer is unknown
     */
    public Shipment ship(OrderId orderId, CustomerId customerId, int weightGrams, Address address) {
        // No transaction spans a carrier call: a slow carrier must not hold a database connection.
        Shipment shipment = shipments.findOrCreate(
                Shipment.start(orderId, customerId, weightGrams, address, clock.instant()));
        if (shipment.status() == ShipmentStatus.REJECTED) {
            if (shipment.isFor(weightGrams, address)) {
                throw new AddressRejectedException(shipment.rejectReason());
            }
            shipment = shipments.reopen(shipment.id(), weightGrams, address, clock.instant());
        }
        if (shipment.status() != ShipmentStatus.PENDING) {
            return shipment;
        }
        if (!shipment.hasChosenRate()) {
            shipment = chooseCheapestRate(shipment);
        }
        return buyLabel(shipment);
    }

    private Shipment chooseCheapestRate(Shipment shipment) {
        List<Quote> offered;
        try {
            offered = quotes.quote(shipment.weightGrams(), shipment.address().destination());
        }
        catch (AddressRejectedException ex) {
            shipments.reject(shipment.id(), ex.getMessage(), clock.instant());
            throw ex;
        }
        return shipments.chooseRate(shipment.id(), offered.getFirst(), clock.instant());
    }

    private Shipment buyLabel(Shipment shipment) {
        if (shipment.status() != ShipmentStatus.PENDING) {
            return shipment;
        }
        return switch (carrier.buyLabel(shipment.labelRequest())) {
            case Carrier.LabelOutcome.Bought bought -> transaction.execute(status -> recordLabel(shipment, bought.label()));
            case Carrier.Rejected rejected -> {
                shipments.reject(shipment.id(), rejected.reason(), clock.instant());
                throw new AddressRejectedException(rejected.reason());
            }
            case Carrier.Unavailable unavailable -> {
                log.warn("No label for shipment {} of order {} yet: {}", shipment.id(), shipment.orderId(),
                        unavailable.reason());
                throw new CarrierUnavailableException(unavailable.reason());
            }
        };
    }

    private Shipment recordLabel(Shipment shipment, Label label) {
        if (shipments.recordLabel(shipment.id(), label, clock.instant())) {
            outbox.publish(ShipmentEvents.TOPIC, shipment.orderId().toString(), ShipmentEvents.SHIPMENT_LABEL_CREATED,
                    ShipmentEventsTranslator.labelCreated(shipment, label));
            log.info("Label {} ({} {}) bought for order {}", label.trackingNumber(), label.carrier(), label.service(),
                    shipment.orderId());
        }
        return shipments.get(shipment.id());
    }
}
