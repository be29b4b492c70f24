package com.example.shop.e2e;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.example.shop.e2e.Findings.Kind;
import com.example.shop.e2e.Findings.Violation;

/**
 * The one place where the bad-input suite tolerates a violation it found. Each entry is a finding that has been
 * reported (issue 7) and waits for its fix: an id to quote, where the fix belongs, and a predicate that matches
 * only that cause (the kind of violation, the answer's shape and the trait of the request that triggers it). A
 * violation listed here is still counted and written to {@code target/bad-input-report.md} under "Known findings
 * hit", never silently skipped; anything else fails the property.
 *
 * <p>When a fix lands, delete its entry: the suite then proves the fix and guards it.
 */
final class KnownFindings {

    /** A reported finding: an id to quote, why and where it is to be fixed, and the violations it covers. */
    record Known(String id, String reason, Predicate<Violation> matches) {
    }

    private static final Pattern FRACTION = Pattern.compile("\"quantity\":-?\\d+\\.\\d+");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern FAR_INSTANT = Pattern.compile("(^|&)(from|to)=[+-]?\\d{5,}");
    private static final Pattern MALFORMED_ESCAPE = Pattern.compile("%(?![0-9a-fA-F]{2})");
    private static final Pattern FIREWALLED_PATH = Pattern.compile("%(00|0d|0a|25|3b|5c|2f|2e)|;|%e2%80%a[89]|//");
    private static final java.util.Set<String> STANDARD_METHODS =
            java.util.Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private static final List<Known> KNOWN = List.of(
            new Known("GATEWAY_BARE_4XX",
                    "gateway: two layers refuse requests before any Spring handler can write a problem, and answer a bare "
                            + "400/414/431 with no body: Reactor Netty's HTTP codec and URI parsing (request line over 4 KB, "
                            + "headers over 8 KB, NUL, CR or a space in a header, non-ASCII in a header value, a bad or doubled "
                            + "Content-Length, chunked framing, a lower-case method, raw non-ASCII or a backslash in the target, "
                            + "a malformed %-escape) and Spring Security's StrictServerWebExchangeFirewall (TRACE or an unknown "
                            + "method, encoded %, ;, /, . or line separators, %00/%0d/%0a in the path). Fix in the gateway: a "
                            + "ServerWebExchangeFirewall whose rejections are written as problems (or PathGuard checks first), and "
                            + "an error handler for decoder failures.",
                    v -> v.kind() == Kind.NOT_PROBLEM_JSON && v.contentType().isEmpty()
                            && (v.status() == 400 || v.status() == 414 || v.status() == 431)
                            && v.attack() != null && gatewayRefusesBeforeProblems(v.attack())),
            new Known("TOMCAT_HTML_ERROR_PAGE",
                    "every service (Tomcat): what Tomcat refuses before Spring sees the request is answered with Tomcat's "
                            + "HTML error page: a path with an escape that is not UTF-8 (%c0%ae, %ff%fe: 400 text/html; the "
                            + "gateway passes such paths on) and an Expect header other than 100-continue (417 text/html; the "
                            + "gateway passes it on). Fix in the gateway's PathGuard (refuse escapes that do not decode as "
                            + "UTF-8, drop or refuse unknown Expect values) or in platform/web-support (an error report valve "
                            + "that writes problem+json).",
                    v -> v.kind() == Kind.NOT_PROBLEM_JSON && v.contentType().toLowerCase().startsWith("text/html")
                            && v.body().contains("HTTP Status " + v.status())),
            new Known("SERVICE_500_FOR_UNDECODABLE_QUERY_OR_REJECTED_REQUEST",
                    "platform/web-support: a query value that is not UTF-8 (Tomcat's InvalidParameterException), a parameter "
                            + "name or value with a control or unassigned character, or a header value with non-ASCII characters (Spring Security's "
                            + "StrictHttpFirewall: RequestRejectedException) ends in ProblemDetailsHandler's catch-all as 500. "
                            + "Fix: map both to 400 problems (a RequestRejectedHandler in ResourceServer, InvalidParameterException "
                            + "in ProblemDetailsHandler). Seen on catalog-service (search), cart-service (X-Cart-Token), "
                            + "order-service (Idempotency-Key), loyalty-service (ledger and admin paging).",
                    v -> v.kind() == Kind.SERVER_ERROR && v.status() == 500 && v.attack() != null
                            && (hasUndecodableEscape(query(v.attack().target())) || hasParameterTheFirewallRejects(v.attack().target())
                                    || hasNonAsciiHeaderValue(v.attack()))),
            new Known("SERVICE_BOOT_ERROR_JSON_FOR_REJECTED_HEADER",
                    "cart-service (and any service behind the firewall): a header value with non-ASCII characters is rejected "
                            + "by Spring Security's firewall and answered with Spring Boot's error JSON "
                            + "({\"timestamp\",\"status\",\"error\",\"path\"}), not problem+json. Same fix as "
                            + "SERVICE_500_FOR_UNDECODABLE_QUERY_OR_REJECTED_REQUEST.",
                    v -> v.kind() == Kind.NOT_PROBLEM_JSON && v.status() == 400 && v.body().contains("\"timestamp\"")
                            && v.attack() != null && hasNonAsciiHeaderValue(v.attack())),
            new Known("TYPE_MISMATCH_DETAIL_SHOWS_A_JAVA_ARRAY",
                    "platform/web-support: a parameter given twice (?page=1&page=2) for a single-valued parameter is a 400 "
                            + "whose detail is Spring's default \"Failed to convert 'page' with value: '[Ljava.lang.String;@...'\". "
                            + "Fix: a detail without the value's toString in ProblemDetailsHandler (handleTypeMismatch).",
                    v -> v.kind() == Kind.LEAKS_INTERNALS && v.body().contains("[Ljava.lang.String;@")),
            new Known("NO_PROBLEM_FOR_AN_ODD_ACCEPT_HEADER",
                    "platform/web-support (seen on catalog-service, cart-service, customer-service): with an Accept header "
                            + "Spring cannot use (application/json; charset=ebcdic, */*;q=abc, garbage) an error (400, 404) "
                            + "comes back with no body and no Content-Type: the problem is not written at all. Fix: write "
                            + "problems as application/problem+json (UTF-8) whatever the Accept header says.",
                    v -> v.kind() == Kind.NOT_PROBLEM_JSON && v.contentType().isEmpty() && v.attack() != null
                            && v.attack().headers().stream().anyMatch(h -> h.name().equalsIgnoreCase("Accept")
                                    && (h.value().contains(";") || !h.value().contains("/")))),
            new Known("ADMIN_ORDER_SEARCH_500_FOR_FAR_INSTANTS",
                    "order-service: GET /api/admin/orders?to=-9223372036854775807 (a from/to that is a huge number or an "
                            + "instant far beyond year 9999) parses, then overflows in OrderRepository.search (ArithmeticException: "
                            + "long overflow) and answers 500. Fix: refuse from/to outside a sane range (or any conversion "
                            + "failure) with 400.",
                    v -> v.kind() == Kind.SERVER_ERROR && v.endpoint().equals("GET /api/admin/orders") && v.attack() != null
                            && FAR_INSTANT.matcher(BadInputAccountsE2ETests.urlDecoded(query(v.attack().target()))).find()),
            new Known("CART_TAKES_A_FRACTION_AS_WHOLE_UNITS",
                    "cart-service: POST /api/cart/items with \"quantity\": 1.5 answers 200 and stores 1 (98.9 stores 99): "
                            + "Jackson's ACCEPT_FLOAT_AS_INT truncates silently where the contract asks for whole units 1..99 "
                            + "(checkout's pointsToRedeem refuses 1.5 with 400). Fix: disable "
                            + "DeserializationFeature.ACCEPT_FLOAT_AS_INT (spring.jackson.deserialization.accept-float-as-int"
                            + "=false), best for every service in one place.",
                    v -> v.kind() == Kind.UNEXPECTED_STATUS && v.endpoint().equals("POST /api/cart/items")
                            && v.status() == 200 && v.attack() != null && v.attack().body() != null
                            && FRACTION.matcher(new String(v.attack().body(), StandardCharsets.UTF_8)).find()));

    private KnownFindings() {
    }

    static Optional<Known> explain(Violation violation) {
        return KNOWN.stream().filter(known -> known.matches().test(violation)).findFirst();
    }

    static List<Known> all() {
        return KNOWN;
    }

    /**
     * What the gateway's HTTP codec or its security firewall refuses before any Spring handler runs: the traits of
     * a request that {@link #KNOWN}'s GATEWAY_BARE_4XX covers.
     */
    static boolean gatewayRefusesBeforeProblems(Attack attack) {
        String target = attack.target();
        int question = target.indexOf('?');
        String path = (question < 0 ? target : target.substring(0, question)).toLowerCase();
        int headerBytes = attack.headers().stream().mapToInt(h -> h.name().length() + h.value().length() + 4).sum();
        long contentLengths = attack.headers().stream().filter(h -> h.name().equalsIgnoreCase("Content-Length")).count();
        return target.length() > 4_000 || headerBytes > 8_000
                || !STANDARD_METHODS.contains(attack.method())
                || target.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f || c == '\\')
                || MALFORMED_ESCAPE.matcher(target).find()
                || FIREWALLED_PATH.matcher(path).find()
                || contentLengths > 1
                || attack.headers().stream().anyMatch(h -> !TOKEN.matcher(h.name()).matches()
                        || h.value().chars().anyMatch(c -> (c < 0x20 && c != '\t') || c >= 0x7f)
                        || h.name().equalsIgnoreCase("Transfer-Encoding")
                        || (h.name().equalsIgnoreCase("Content-Length") && !h.value().matches("\\d+")));
    }

    private static String query(String target) {
        int question = target.indexOf('?');
        return question < 0 ? "" : target.substring(question + 1);
    }

    /** True when some run of %-escapes does not decode as UTF-8 (an overlong form, a lone continuation byte). */
    static boolean hasUndecodableEscape(String text) {
        var bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            }
            else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            return false;
        }
        catch (CharacterCodingException ex) {
            return true;
        }
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /**
     * A query parameter whose decoded name or value holds a control or unassigned character (U+0000, U+FFFF, ...):
     * what Spring Security's StrictHttpFirewall refuses.
     */
    static boolean hasParameterTheFirewallRejects(String target) {
        for (String pair : query(target).split("&")) {
            if (BadInputAccountsE2ETests.urlDecoded(pair).chars()
                    .anyMatch(c -> Character.isISOControl(c) || !Character.isDefined(c))) {
                return true;
            }
        }
        return false;
    }

    /** A header other than Authorization whose value holds a character outside printable ASCII. */
    static boolean hasNonAsciiHeaderValue(Attack attack) {
        return attack.headers().stream().filter(h -> !h.name().equalsIgnoreCase("Authorization"))
                .anyMatch(h -> h.value().chars().anyMatch(c -> c > 0x7e || (c < 0x20 && c != '\t')));
    }
}
