package com.example.shop.shipping.shipments;

import java.util.List;

import org.springframework.stereotype.Service;

/** Shipping prices for a parcel, from every carrier service that takes it, cheapest first. */
@Service
public class ShipmentQuotes {

    private final Carrier carrier;

    ShipmentQuotes(Carrier carrier) {
        this.carrier = carrier;
    }

    /**
     * @throws AddressRejectedException when no service takes the parcel there
     * @throws CarrierUnavailableException when the carrier cannot be asked now
     */
    public List<Quote> quote(int weightGrams, Destination destination) {
        return switch (carrier.quote(weightGrams, destination)) {
            case Carrier.QuoteOutcome.Quoted quoted -> quoted.quotes().stream().sorted(Quote.CHEAPEST_FIRST).toList();
            case Carrier.Rejected rejected -> throw new AddressRejectedException(rejected.reason());
            case Carrier.Unavailable unavailable -> throw new CarrierUnavailableException(unavailable.reason());
        };
    }
}
