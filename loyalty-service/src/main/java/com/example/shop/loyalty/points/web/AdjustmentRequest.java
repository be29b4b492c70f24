package com.example.shop.loyalty.points.web;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/admin/loyalty/{customerId}/adjustments}: {@code {"points","reason","adjustmentId"}}. */
record AdjustmentRequest(
        @NotNull @Min(-HoldRequest.MAX_POINTS) @Max(HoldRequest.MAX_POINTS) Long points,
        @NotBlank @Size(max = 500) String reason,
        @NotNull UUID adjustmentId) {
}
