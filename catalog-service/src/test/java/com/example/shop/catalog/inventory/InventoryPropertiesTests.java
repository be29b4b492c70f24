package com.example.shop.catalog.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class InventoryPropertiesTests {

    @Test
    void reservationsHoldStockForFifteenMinutesByDefault() {
        InventoryProperties properties = bind(Map.of());

        assertThat(properties.reservationTtl()).isEqualTo(Duration.ofMinutes(15));
        assertThat(properties.expiryInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.expiryBatchSize()).isEqualTo(100);
    }

    @Test
    void theTimeToLiveIsConfigurable() {
        assertThat(bind(Map.of("shop.inventory.reservation-ttl", "5m")).reservationTtl())
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void refusesATimeToLiveThatIsNotPositive() {
        assertThatThrownBy(() -> bind(Map.of("shop.inventory.reservation-ttl", "0s")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("reservation-ttl");
    }

    private static InventoryProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("shop.inventory",
                InventoryProperties.class);
    }
}
