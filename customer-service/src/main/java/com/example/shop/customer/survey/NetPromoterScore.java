package com.example.shop.customer.survey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * Responses in a period: promoters score 9-10, passives 7-8, detractors 0-6; NPS = % promoters - % detractors,
 * rounded to a whole number (halves away from zero), {@code null} without responses.
 */
public record NetPromoterScore(Instant from, Instant to, long responses, long promoters, long passives,
        long detractors, Integer nps) {

    public static NetPromoterScore of(Instant from, Instant to, long promoters, long passives, long detractors) {
        long responses = promoters + passives + detractors;
        Integer nps = responses == 0 ? null
                : BigDecimal.valueOf(100 * (promoters - detractors))
                        .divide(BigDecimal.valueOf(responses), 0, RoundingMode.HALF_UP)
                        .intValueExact();
        return new NetPromoterScore(from, to, responses, promoters, passives, detractors, nps);
    }
}
