package com.example.shop.customer.survey.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.customer.survey.NetPromoterScore;
import com.example.shop.customer.survey.Survey;
import com.example.shop.customer.survey.Surveys;

/**
 * Survey results for administrators. A period is {@code from} (inclusive) to {@code to} (exclusive), each an
 * ISO instant ({@code 2026-11-01T00:00:00Z}) or an ISO date; a date means the start of that day in UTC for
 * {@code from} and the end of that day for {@code to}, so {@code from=2026-11-01&to=2026-11-30} is all of
 * November. Without them: the last 30 days up to now.
 */
@RestController
@RequestMapping("/api/admin/surveys")
class AdminSurveyController {

    private static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
    private static final int MAX_PAGE_SIZE = 100;

    private final Surveys surveys;

    AdminSurveyController(Surveys surveys) {
        this.surveys = surveys;
    }

    record ResponseItem(UUID orderId, UUID customerId, int score, String comment, Instant answeredAt) {

        static ResponseItem of(Survey survey) {
            return new ResponseItem(survey.orderId(), survey.customerId() == null ? null : survey.customerId().value(),
                    survey.score(), survey.comment(), survey.answeredAt());
        }
    }

    record ResponsePage(Instant from, Instant to, List<ResponseItem> items, int page, int size, long totalElements) {
    }

    record NpsResponse(Instant from, Instant to, long responses, long promoters, long passives, long detractors,
            Integer nps) {
    }

    @GetMapping("/nps")
    NpsResponse nps(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Period period = Period.of(from, to);
        NetPromoterScore score = surveys.nps(period.from(), period.to());
        return new NpsResponse(score.from(), score.to(), score.responses(), score.promoters(), score.passives(),
                score.detractors(), score.nps());
    }

    @GetMapping("/responses")
    ResponsePage responses(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw badRequest("page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE + ".");
        }
        Period period = Period.of(from, to);
        Surveys.Responses found = surveys.responses(period.from(), period.to(), page, size);
        return new ResponsePage(period.from(), period.to(), found.items().stream().map(ResponseItem::of).toList(),
                found.page(), found.size(), found.totalElements());
    }

    record Period(Instant from, Instant to) {

        static Period of(String from, String to) {
            Instant end = to == null || to.isBlank() ? Instant.now() : parse("to", to, true);
            Instant start = from == null || from.isBlank() ? end.minus(DEFAULT_PERIOD) : parse("from", from, false);
            if (start.isAfter(end)) {
                throw badRequest("from must not be after to.");
            }
            return new Period(start, end);
        }

        private static Instant parse(String name, String value, boolean endOfDay) {
            try {
                if (value.length() == 10) {
                    LocalDate day = LocalDate.parse(value);
                    return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
                }
                return Instant.parse(value);
            }
            catch (DateTimeParseException ex) {
                throw badRequest(name + " must be an ISO date (2026-11-01) or instant (2026-11-01T00:00:00Z).");
            }
        }
    }

    private static ErrorResponseException badRequest(String detail) {
        var problem = new ErrorResponseException(HttpStatus.BAD_REQUEST);
        problem.setDetail(detail);
        return problem;
    }
}
