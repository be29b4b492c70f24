package com.example.shop.customer.survey.web;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.customer.survey.Survey;
import com.example.shop.customer.survey.SurveyProblem;
import com.example.shop.customer.survey.Surveys;

/** The survey page's API. Open: the token in the path is the credential. */
@RestController
@RequestMapping("/api/surveys/{token}")
class SurveyController {

    /** Tokens are {@code s_} and base64url; anything else is unknown without asking the database. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,200}");

    private final Surveys surveys;

    SurveyController(Surveys surveys) {
        this.surveys = surveys;
    }

    record QuestionResponse(String question, UUID orderId, boolean answered, Instant expiresAt) {
    }

    record AnswerRequest(@NotNull @Min(0) @Max(10) Integer score, @Size(max = 2000) String comment) {
    }

    record AnswerResponse(UUID orderId, int score, String comment, Instant answeredAt) {
    }

    @GetMapping
    QuestionResponse show(@PathVariable String token) {
        Surveys.Question question = surveys.show(checked(token));
        return new QuestionResponse(question.question(), question.orderId(), question.answered(),
                question.expiresAt());
    }

    @PostMapping
    ResponseEntity<AnswerResponse> answer(@PathVariable String token, @Valid @RequestBody AnswerRequest request) {
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        Survey answered = surveys.answer(checked(token), request.score(), comment);
        return ResponseEntity.created(URI.create("/api/surveys/" + token))
                .body(new AnswerResponse(answered.orderId(), answered.score(), answered.comment(),
                        answered.answeredAt()));
    }

    private static String checked(String token) {
        if (!TOKEN.matcher(token).matches()) {
            throw new SurveyProblem(SurveyProblem.Kind.UNKNOWN);
        }
        return token;
    }

    @ExceptionHandler(SurveyProblem.class)
    ErrorResponse problem(SurveyProblem ex) {
        return switch (ex.kind()) {
            case UNKNOWN -> ErrorResponse.create(ex, HttpStatus.NOT_FOUND, "No such survey.");
            case ANSWERED -> ErrorResponse.create(ex, HttpStatus.CONFLICT, "This survey has been answered already.");
            case EXPIRED -> ErrorResponse.create(ex, HttpStatus.GONE, "This survey has expired.");
        };
    }
}
