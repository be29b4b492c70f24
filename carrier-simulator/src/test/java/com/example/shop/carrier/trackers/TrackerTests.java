package com.example.shop.carrier.trackers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class TrackerTests {

    private static final Instant LABEL = Instant.parse("2026-11-22T10:00:00Z");
    private final Tracker tracker = new Tracker("PC123456789NL", "PARCELCO", LABEL, Duration.ofMinutes(4), "Delft");

    @Test
    void reachesOneStepPerQuarterOfTheTransitTimeAtItsDueTime() {
        assertThat(tracker.view(LABEL.plusSeconds(59)).status()).isEqualTo(TrackingStatus.LABEL_CREATED);
        assertThat(tracker.view(LABEL.plusSeconds(60)).status()).isEqualTo(TrackingStatus.PICKED_UP);

        TrackerView later = tracker.view(LABEL.plusSeconds(150));

        assertThat(later.status()).isEqualTo(TrackingStatus.IN_TRANSIT);
        assertThat(later.events()).extracting(TrackingEvent::occurredAt)
                .containsExactly(LABEL, LABEL.plusSeconds(60), LABEL.plusSeconds(120));
    }

    @Test
    void isDeliveredAtTheEndOfTheTransitTimeAndStaysSo() {
        TrackerView delivered = tracker.view(LABEL.plus(Duration.ofHours(1)));

        assertThat(delivered.status()).isEqualTo(TrackingStatus.DELIVERED);
        assertThat(delivered.events()).hasSize(5);
        assertThat(delivered.events().getLast().occurredAt()).isEqualTo(LABEL.plus(Duration.ofMinutes(4)));
        assertThat(delivered.events().getLast().location()).isEqualTo("Delft");
        assertThat(tracker.advance(LABEL.plus(Duration.ofHours(2))).events()).hasSize(5);
    }

    @Test
    void advancesNowAndLetsTheRemainingStepsFallDueOnTime() {
        tracker.advance(LABEL.plusSeconds(10));
        tracker.advance(LABEL.plusSeconds(20));
        tracker.advance(LABEL.plusSeconds(170));

        TrackerView view = tracker.view(LABEL.plusSeconds(240));

        assertThat(view.events()).extracting(TrackingEvent::status).containsExactly(TrackingStatus.LABEL_CREATED,
                TrackingStatus.PICKED_UP, TrackingStatus.IN_TRANSIT, TrackingStatus.OUT_FOR_DELIVERY,
                TrackingStatus.DELIVERED);
        assertThat(view.events()).extracting(TrackingEvent::occurredAt).containsExactly(LABEL, LABEL.plusSeconds(10),
                LABEL.plusSeconds(20), LABEL.plusSeconds(170), LABEL.plusSeconds(240));
    }
}
