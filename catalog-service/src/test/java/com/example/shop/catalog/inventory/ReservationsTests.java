package com.example.shop.catalog.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.shop.catalog.product.ProductId;

class ReservationsTests {

    private static final ProductId A = new ProductId(UUID.fromString("00000000-0000-4000-8000-00000000000a"));
    private static final ProductId B = new ProductId(UUID.fromString("00000000-0000-4000-8000-00000000000b"));

    @Test
    void locksProductsInTheSameOrderWhateverTheOrderOfTheLines() {
        var forward = Reservations.mergedAndSorted(List.of(new ReservationLine(A, 1), new ReservationLine(B, 2)));
        var backward = Reservations.mergedAndSorted(List.of(new ReservationLine(B, 2), new ReservationLine(A, 1)));

        assertThat(forward).isEqualTo(backward).extracting(ReservationLine::productId).containsExactly(A, B);
    }

    @Test
    void addsUpRepeatedLinesOfOneProduct() {
        var lines = Reservations.mergedAndSorted(List.of(new ReservationLine(B, 2), new ReservationLine(B, 3)));

        assertThat(lines).containsExactly(new ReservationLine(B, 5));
    }
}
