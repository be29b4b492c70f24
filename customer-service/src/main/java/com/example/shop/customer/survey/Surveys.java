package com.example.shop.customer.survey;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.example.shop.customer.account.Customer;
import com.example.shop.customer.account.CustomerId;
import com.example.shop.customer.account.CustomerRepository;

/**
 * Voice of the customer (D02): a survey per delivered order, its invitation once it is due, one answer, and the
 * Net Promoter Score of a period.
 */
@Service
public class Surveys {

    private static final Logger log = LoggerFactory.getLogger(Surveys.class);
    private static final SecureRandom random = new SecureRandom();

    private final SurveyRepository surveys;
    private final CustomerRepository customers;
    private final SurveyEvents events;
    private final SurveyProperties properties;
    private final Clock clock = Clock.systemUTC();

    Surveys(SurveyRepository surveys, CustomerRepository customers, SurveyEvents events, SurveyProperties properties) {
        this.surveys = surveys;
        this.customers = customers;
        this.events = events;
        this.properties = properties;
    }

    /** A page of answered surveys and how many there are in the period. */
    public record Responses(List<Survey> items, int page, int size, long totalElements) {
    }

    /** What the survey page shows. */
    public record Question(String question, UUID orderId, boolean answered, Instant expiresAt) {
    }

    /**
     * Creates the survey of a delivered order, at most one per order, due after {@code shop.surveys.delay}.
     * Deleted (or unknown) customers get none.
     *
     * @return {@code true} when a survey was created now
     */
    @Transactional
    public boolean invite(UUID orderId, CustomerId customerId) {
        if (customers.findById(customerId).filter(Customer::active).isEmpty()) {
            log.info("No survey for order {}: customer {} is unknown or deleted", orderId, customerId);
            return false;
        }
        Instant now = clock.instant();
        return surveys.insertIfAbsent(new Survey(SurveyId.random(), newToken(), orderId, customerId, now,
                now.plus(properties.delay()), now.plus(properties.expiry()), null, null, null, null));
    }

    /**
     * Publishes {@code survey.invited.v1} for the invitations that are due, each once: the event and the mark
     * share a transaction, and rows another run holds are skipped. A survey whose customer has gone is dropped.
     *
     * @return how many invitations were published
     */
    @Transactional
    public int publishDue() {
        Instant now = clock.instant();
        int published = 0;
        for (Survey survey : surveys.lockDue(now, properties.batchSize())) {
            Optional<Customer> customer = survey.customerId() == null ? Optional.empty()
                    : customers.findById(survey.customerId()).filter(Customer::active);
            if (customer.isEmpty()) {
                surveys.delete(survey.id());
                continue;
            }
            events.invited(survey, customer.get(), properties.surveyUrl(survey.token()), now);
            surveys.markInvited(survey.id(), now);
            published++;
        }
        return published;
    }

    /**
     * @throws SurveyProblem UNKNOWN for an unknown token, EXPIRED for an unanswered survey past its expiry
     */
    public Question show(String token) {
        Survey survey = surveys.findByToken(token).orElseThrow(() -> new SurveyProblem(SurveyProblem.Kind.UNKNOWN));
        if (!survey.answered() && survey.expiredAt(clock.instant())) {
            throw new SurveyProblem(SurveyProblem.Kind.EXPIRED);
        }
        return new Question(properties.question(), survey.orderId(), survey.answered(), survey.expiresAt());
    }

    /**
     * Records the one answer of a survey and publishes {@code survey.answered.v1} in the same transaction.
     *
     * @param score 0-10
     * @param comment optional free text, {@code null} or at most 2000 characters
     * @throws SurveyProblem UNKNOWN, ANSWERED (a second answer), or EXPIRED
     */
    @Transactional
    public Survey answer(String token, int score, String comment) {
        if (score < 0 || score > 10) {
            throw new IllegalArgumentException("score must be 0-10");
        }
        Survey survey = surveys.lockByToken(token).orElseThrow(() -> new SurveyProblem(SurveyProblem.Kind.UNKNOWN));
        if (survey.answered()) {
            throw new SurveyProblem(SurveyProblem.Kind.ANSWERED);
        }
        Instant now = clock.instant();
        if (survey.expiredAt(now)) {
            throw new SurveyProblem(SurveyProblem.Kind.EXPIRED);
        }
        surveys.answer(survey.id(), score, comment, now);
        Survey answered = new Survey(survey.id(), survey.token(), survey.orderId(), survey.customerId(),
                survey.createdAt(), survey.dueAt(), survey.expiresAt(), survey.invitedAt(), now, score, comment);
        events.answered(answered, now);
        return answered;
    }

    /** The Net Promoter Score of the answers given in [from, to). */
    public NetPromoterScore nps(Instant from, Instant to) {
        return surveys.nps(from, to);
    }

    /** Answered surveys in [from, to), newest first. */
    @Transactional(readOnly = true)
    public Responses responses(Instant from, Instant to, int page, int size) {
        return new Responses(surveys.answered(from, to, page, size), page, size, surveys.countAnswered(from, to));
    }

    /** The customer's surveys, for the personal-data export. */
    public List<Survey> of(CustomerId customer) {
        return surveys.ofCustomer(customer);
    }

    /**
     * Part of an account's deletion (must run in its transaction): unanswered surveys are deleted, answered ones
     * keep their score for the statistics but lose the customer and the comment.
     */
    @Transactional
    public void forget(CustomerId customer) {
        surveys.forget(customer);
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return "s_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
