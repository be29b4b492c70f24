package com.example.shop.customer.preferences.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.customer.preferences.CustomerPreferences;
import com.example.shop.customer.preferences.Topic;
import com.example.shop.customer.preferences.Unsubscribed;
import com.example.shop.customer.preferences.UnknownUnsubscribeTokenException;

/**
 * The unsubscribe link of every mail. Open: the token is the credential. {@code POST} (query, form or JSON, and
 * RFC 8058 one-click, which posts {@code List-Unsubscribe=One-Click} to the link) turns the topic's e-mail off;
 * {@code GET} only shows a confirmation page, because mail scanners follow links and must not unsubscribe anyone.
 */
@RestController
class UnsubscribeController {

    private static final String PATH = "/api/customers/unsubscribe";
    private static final String ALL = "ALL";
    /** Tokens are {@code u_} and base64url; anything else cannot be one, and never reaches the database. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,200}");

    private final CustomerPreferences preferences;

    UnsubscribeController(CustomerPreferences preferences) {
        this.preferences = preferences;
    }

    record UnsubscribeBody(String token, String topic) {
    }

    record UnsubscribeResponse(List<String> unsubscribed, boolean changed) {
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    UnsubscribeResponse unsubscribeJson(@RequestBody UnsubscribeBody body,
            @RequestParam(required = false) String token, @RequestParam(required = false) String topic) {
        return unsubscribe(body.token() != null ? body.token() : token, body.topic() != null ? body.topic() : topic);
    }

    @PostMapping(PATH)
    UnsubscribeResponse unsubscribe(@RequestParam(required = false) String token,
            @RequestParam(required = false) String topic) {
        String checkedToken = token(token);
        String checkedTopic = topic(topic);
        Unsubscribed outcome = ALL.equals(checkedTopic) ? preferences.unsubscribeAll(checkedToken)
                : preferences.unsubscribe(checkedToken, PreferenceNames.topic(checkedTopic));
        return new UnsubscribeResponse(outcome.topics().stream().map(Topic::name).toList(), outcome.changed());
    }

    /** A confirmation page with a button that posts; changes nothing. */
    @GetMapping(PATH)
    ResponseEntity<String> confirmationPage(@RequestParam(required = false) String token,
            @RequestParam(required = false) String topic) {
        String checkedToken = token(token);
        String checkedTopic = topic(topic);
        if (!ALL.equals(checkedTopic)) {
            PreferenceNames.topic(checkedTopic);
        }
        if (!preferences.knows(checkedToken)) {
            throw unknownToken();
        }
        // Both values are checked above against [A-Za-z0-9_-], so they need no HTML escaping.
        String what = ALL.equals(checkedTopic) ? "all e-mails except account messages"
                : "e-mails about " + checkedTopic.toLowerCase().replace('_', ' ');
        String page = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Unsubscribe</title></head>
                <body>
                <h1>Unsubscribe</h1>
                <p>Stop receiving %s?</p>
                <form method="post" action="%s?token=%s&amp;topic=%s">
                <button type="submit">Unsubscribe</button>
                </form>
                </body></html>
                """.formatted(what, PATH, checkedToken, checkedTopic);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store")
                .body(page);
    }

    private static String token(String token) {
        if (token == null || token.isBlank()) {
            throw new BadPreferencesException("The unsubscribe token is missing.");
        }
        if (!TOKEN.matcher(token).matches()) {
            throw unknownToken();
        }
        return token;
    }

    private static String topic(String topic) {
        if (topic == null || topic.isBlank()) {
            throw new BadPreferencesException("The topic is missing (one of " + List.of(Topic.values()) + " or ALL).");
        }
        return topic;
    }

    static ErrorResponseException unknownToken() {
        var problem = new ErrorResponseException(HttpStatus.NOT_FOUND);
        problem.setDetail("Unknown unsubscribe link.");
        return problem;
    }

    @ExceptionHandler(UnknownUnsubscribeTokenException.class)
    ErrorResponseException unknown() {
        return unknownToken();
    }
}
