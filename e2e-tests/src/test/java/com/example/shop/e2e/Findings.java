package com.example.shop.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.example.shop.e2e.RawHttp.Answer;

import tools.jackson.databind.JsonNode;

/**
 * Judges every answer to an {@link Attack} and keeps the books of the bad-input suite: how many requests went to
 * which endpoint, which statuses came back, and every violation.
 *
 * <p>The rules every answer obeys, whatever was sent:
 * <ul>
 *   <li>an HTTP answer comes back, and its status is below 500;</li>
 *   <li>an error (4xx) is {@code application/problem+json}: a JSON object whose {@code status}, when present,
 *       is the HTTP status;</li>
 *   <li>an error does not leak internals (exception names, stack frames, SQL);</li>
 *   <li>no header the caller tried to inject comes back;</li>
 *   <li>the status is what the attack expects (an invalid request is never accepted), and a successful answer
 *       passes the attack's semantic rule.</li>
 * </ul>
 * A violation fails the property at once, unless {@link KnownFindings} names it (then it is counted and reported,
 * never silently skipped), or {@code -De2e.badInput.collect=true} asks to collect every violation into the report
 * instead of stopping at the first (for exploring).
 */
final class Findings {

    static final boolean COLLECT = Boolean.getBoolean("e2e.badInput.collect");
    static final String INJECTED_HEADER = "X-Injected-By-Test";

    private static final Pattern LEAK = Pattern.compile(
            "(?i)(\\w+Exception\\b|\\bat (com|org|java|jdk|tools)\\.[\\w.$]+\\(|org\\.postgresql|PSQL|SQLSTATE|"
                    + "java\\.lang\\.|stack ?trace)");

    enum Kind {
        NO_ANSWER, SERVER_ERROR, UNEXPECTED_STATUS, NOT_PROBLEM_JSON, PROBLEM_STATUS_MISMATCH, LEAKS_INTERNALS,
        HEADER_INJECTED, WRONG_RESULT, STATE_CHANGED
    }

    /** One broken rule, with what it takes to reproduce it. */
    record Violation(Kind kind, String endpoint, String request, int status, String contentType, String body,
            String detail, Attack attack) {

        String describe() {
            return kind + " at " + endpoint + ": " + detail + "\n  request: " + request + "\n  answer: " + status
                    + " " + contentType + " " + abbreviate(body, 600);
        }
    }

    private static final Map<String, AtomicInteger> requestsByEndpoint = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> statusesByEndpoint = new ConcurrentHashMap<>();
    private static final List<Violation> violations = new ArrayList<>();
    private static final List<String> knownHits = new ArrayList<>();
    private static final AtomicInteger requests = new AtomicInteger();

    private Findings() {
    }

    static void judge(Attack attack, Answer answer) {
        requests.incrementAndGet();
        requestsByEndpoint.computeIfAbsent(attack.endpoint(), e -> new AtomicInteger()).incrementAndGet();
        statusesByEndpoint.computeIfAbsent(attack.endpoint() + " -> " + answer.status(), e -> new AtomicInteger())
                .incrementAndGet();
        for (Violation violation : check(attack, answer)) {
            report(violation);
        }
    }

    private static List<Violation> check(Attack attack, Answer answer) {
        List<Violation> found = new ArrayList<>();
        int status = answer.status();
        String text = answer.text();
        if (status == 0) {
            found.add(violation(Kind.NO_ANSWER, attack, answer, "no HTTP answer: " + answer.failure()));
            return found;
        }
        if (status >= 500) {
            found.add(violation(Kind.SERVER_ERROR, attack, answer, "a server error for bad input"));
        }
        else if (!attack.expect().allows().test(status)) {
            found.add(violation(Kind.UNEXPECTED_STATUS, attack, answer,
                    "expected " + attack.expect().description() + " but got " + status));
        }
        if (status >= 400) {
            String problem = problemJsonViolation(answer);
            if (problem != null) {
                found.add(violation(Kind.NOT_PROBLEM_JSON, attack, answer, problem));
            }
            else {
                JsonNode status2 = ShopApi.JSON.readTree(text).get("status");
                if (status2 != null && !status2.isNull() && status2.asInt() != status) {
                    found.add(violation(Kind.PROBLEM_STATUS_MISMATCH, attack, answer,
                            "problem says status " + status2 + ", HTTP says " + status));
                }
            }
            if (LEAK.matcher(text).find()) {
                found.add(violation(Kind.LEAKS_INTERNALS, attack, answer, "the error shows internals"));
            }
        }
        boolean injected = answer.headers().stream().anyMatch(h -> h.name().equalsIgnoreCase(INJECTED_HEADER)
                || (h.name().equalsIgnoreCase("Set-Cookie") && h.value().contains("injected")));
        if (injected) {
            found.add(violation(Kind.HEADER_INJECTED, attack, answer, "a header from the request came back: "
                    + answer.headers()));
        }
        if (status >= 200 && status < 300 && !attack.semantic().test(answer)) {
            found.add(violation(Kind.WRONG_RESULT, attack, answer, "the answer breaks the endpoint's rule"));
        }
        return found;
    }

    /** Null when the answer is a problem document; else what is wrong with it. */
    private static String problemJsonViolation(Answer answer) {
        String type = answer.contentType();
        if (!type.toLowerCase().startsWith("application/problem+json")) {
            return "an error that is not application/problem+json (Content-Type '" + type + "')";
        }
        try {
            JsonNode body = ShopApi.JSON.readTree(answer.text());
            return body != null && body.isObject() ? null : "a problem that is not a JSON object";
        }
        catch (RuntimeException ex) {
            return "a problem that is not JSON: " + ex.getMessage();
        }
    }

    private static Violation violation(Kind kind, Attack attack, Answer answer, String detail) {
        return new Violation(kind, attack.endpoint(), attack.toString(), answer.status(), answer.contentType(),
                answer.text(), detail, attack);
    }

    /** Counts a state check that found a change nobody should have been able to make. */
    static void stateChanged(String where, String detail) {
        report(new Violation(Kind.STATE_CHANGED, where, "(the requests of the property before)", 0, "", "", detail, null));
    }

    static void report(Violation violation) {
        Optional<KnownFindings.Known> known = KnownFindings.explain(violation);
        synchronized (violations) {
            if (known.isPresent()) {
                knownHits.add(known.get().id() + ": " + abbreviate(violation.request(), 200) + " -> "
                        + violation.status());
                return;
            }
            violations.add(violation);
        }
        if (!COLLECT) {
            throw new AssertionError(violation.describe());
        }
    }

    static int requests() {
        return requests.get();
    }

    /** Writes {@code target/bad-input-report.md}: requests and statuses per endpoint, findings, known findings. */
    static synchronized void writeReport() {
        var out = new StringBuilder("# Bad-input suite report\n\n");
        out.append("Seed: ").append(System.getProperty(BadInputSeed.PROPERTY, "random")).append("\n\n");
        out.append("Requests sent: ").append(requests.get()).append("\n\n## Requests per endpoint\n\n");
        new TreeMap<>(requestsByEndpoint).forEach((endpoint, count) ->
                out.append("- ").append(endpoint).append(": ").append(count).append('\n'));
        out.append("\n## Statuses per endpoint\n\n");
        new TreeMap<>(statusesByEndpoint).forEach((key, count) ->
                out.append("- ").append(key).append(": ").append(count).append('\n'));
        synchronized (violations) {
            out.append("\n## Findings (").append(violations.size()).append(")\n\n");
            violations.forEach(v -> out.append("- ").append(v.describe().replace("\n", "\n  ")).append('\n'));
            out.append("\n## Known findings hit (").append(knownHits.size()).append(")\n\n");
            knownHits.stream().limit(200).forEach(k -> out.append("- ").append(k).append('\n'));
        }
        try {
            Path target = Path.of(System.getProperty("basedir", "."), "target");
            Files.createDirectories(target);
            // getBytes replaces what UTF-8 cannot hold (the lone surrogates the suite sends) instead of failing.
            Files.write(target.resolve("bad-input-report.md"), out.toString().getBytes(StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            throw new IllegalStateException("cannot write the bad-input report", ex);
        }
    }

    static String abbreviate(String text, int max) {
        if (text == null) {
            return "null";
        }
        String oneLine = text.replace("\r", "\\r").replace("\n", "\\n").replace("\u0000", "\\0");
        return oneLine.length() <= max ? oneLine
                : oneLine.substring(0, max) + "...(" + oneLine.length() + " chars)";
    }
}
