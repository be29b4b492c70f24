package com.example.shop.shipping.shipments;

import java.util.List;
import java.util.Objects;

/** The logistics provider, as this service needs it. Implementations never throw for the carrier's answers. */
public interface Carrier {

    QuoteOutcome quote(int weightGrams, Destination destination);

    /** Buys a label; asking again with the same {@link LabelRequest#shipmentId()} returns the same label. */
    LabelOutcome buyLabel(LabelRequest request);

    TrackingOutcome track(String trackingNumber);

    /** What the carrier answered to a rate request. */
    sealed interface QuoteOutcome {
        record Quoted(List<Quote> quotes) implements QuoteOutcome {
            public Quoted {
                quotes = List.copyOf(quotes);
            }
        }
    }

    /** What the carrier answered to a label purchase. */
    sealed interface LabelOutcome {
        record Bought(Label label) implements LabelOutcome {
            public Bought {
                Objects.requireNonNull(label, "label");
            }
        }
    }

    /** What the carrier answered about a parcel. */
    sealed interface TrackingOutcome {
        /** Every event so far, oldest first. */
        record Tracked(List<TrackingEvent> events) implements TrackingOutcome {
            public Tracked {
                events = List.copyOf(events);
            }
        }

        /** The carrier knows no such tracking number. */
        record Unknown() implements TrackingOutcome {
        }
    }

    /** The carrier refused the request for good (it cannot serve the address, weight or service). */
    record Rejected(String reason) implements QuoteOutcome, LabelOutcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The carrier gave no usable answer (down, too slow, failing); asking again later may succeed. */
    record Unavailable(String reason) implements QuoteOutcome, LabelOutcome, TrackingOutcome {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
