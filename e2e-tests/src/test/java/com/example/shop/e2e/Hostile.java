package com.example.shop.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of what a careless or hostile client sends: odd and dangerous text, numbers no field can hold,
 * values of the wrong JSON type, bodies that are not JSON, path segments and query values meant to traverse,
 * inject or overflow. Everything comes as it goes on the wire: JSON fragments as raw text, path and query parts
 * percent-encoded (or deliberately not).
 */
final class Hostile {

    private Hostile() {
    }

    /** Text that has broken servers before: control characters, bidi and emoji, lone surrogates, injections. */
    static final List<String> NASTY_STRINGS = List.of(
            "", " ", "\u0000", "a\u0000b", "\t", "\r\n", "line\nbreak", "\u0007bell", "\u007f", "\u0085",
            "\u202Eevil\u202C", "\u200F\u05E9\u05DC\u05D5\u05DD", "\u200B", "\uFEFF", "\u2028\u2029",
            "😀🛒💳", "👩‍👩‍👧‍👦", "\uD83D", "\uDE00x", "x\uD800", "Z̴̡̢͇̈́͋a̷l̸g̷o̴", "ﬀ", "ＡＤＭＩＮ", "İıſK",
            "' OR '1'='1", "' OR 1=1--", "'; DROP TABLE orders;--", "1; SELECT pg_sleep(10)--",
            "\" OR \"\"=\"", "') UNION SELECT * FROM customer--", "\\", "\\\\'", "%", "_", "%_%", "*",
            "a & !b | c:*", "(()))", ":*", "!!", "<->",
            "{\"$ne\":null}", "\",\"roles\":[\"ADMIN\"],\"x\":\"", "}{", "[]",
            "../../../../etc/passwd", "..\\..\\windows\\win.ini", "%2e%2e%2f", "/internal/products", "file:///etc/passwd",
            "a\r\nSet-Cookie: injected=1", "x\r\n" + Findings.INJECTED_HEADER + ": 1", "%0d%0aX-Injected:1",
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "${jndi:ldap://127.0.0.1:1/a}",
            "#{7*7}", "{{7*7}}", "%s%s%s%n", "null", "undefined", "true", "NaN", "-1", "0",
            "1e400", "99999999999999999999999999");

    /** Arbitrary strings: the nasty list, random unicode (surrogates included), long runs. */
    static Arbitrary<String> strings() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(NASTY_STRINGS)),
                Tuple.of(2, Arbitraries.strings().all().ofMinLength(1).ofMaxLength(24)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(4)),
                Tuple.of(1, longStrings()));
    }

    /** Long text: past every length limit, up to a megabyte. */
    static Arbitrary<String> longStrings() {
        return Arbitraries.of(256, 1_001, 2_001, 10_000, 100_000, 1_000_000).flatMap(length ->
                Arbitraries.of("A", "é", "😀", "\u202E").map(unit -> unit.repeat(Math.max(1, length / unit.length()))));
    }

    /** JSON number text, some of it not valid JSON at all. */
    static Arbitrary<String> numbers() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of("0", "-0", "-1", "1.5", "0.001", "-0.0", "1e400", "-1e400", "1e-400",
                        "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
                        "-9223372036854775809", "99999999999999999999999999999999", "1E2", "100", "101", "1000001",
                        "10000001", "0.1234567890123456789", "1".repeat(1_200), "1e1000000000")),
                Tuple.of(1, Arbitraries.of("NaN", "Infinity", "-Infinity", "01", "+1", ".5", "1.", "0x10", "1_000",
                        "--1", "1e", "١٢٣")),
                Tuple.of(2, Arbitraries.longs().map(String::valueOf)),
                Tuple.of(1, Arbitraries.bigIntegers().between(new java.math.BigInteger("-1" + "0".repeat(40)),
                        new java.math.BigInteger("1" + "0".repeat(40))).map(String::valueOf)));
    }

    /** A JSON value of any type where one was expected: the wrong-type half of every field fuzzer. */
    static Arbitrary<String> jsonValues() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, strings().map(JsonText::str)),
                Tuple.of(3, numbers()),
                Tuple.of(2, Arbitraries.of("true", "false", "null", "[]", "{}", "[null]", "{\"$ne\":null}",
                        "{\"a\":{\"b\":[1,{}]}}", "[\"x\",1]", "\"\"", "[[[]]]")),
                Tuple.of(1, Arbitraries.of(50, 600, 3_000).map(depth -> "[".repeat(depth) + "]".repeat(depth))),
                Tuple.of(1, Arbitraries.of("'single'", "\"unterminated", "tru", "nul", "{\"a\"}", "[1,]", "undefined")));
    }

    /** Definitely not a scalar: what no string, number or boolean field may accept. */
    static Arbitrary<String> notAScalar() {
        return Arbitraries.of("{}", "[]", "[1,2]", "{\"$ne\":null}", "{\"a\":{\"b\":[]}}", "[[[[]]]]");
    }

    /** A whole body that no JSON endpoint can read, with the Content-Type it claims. */
    record Body(byte[] bytes, String contentType, String what) {
    }

    static Arbitrary<Body> brokenBodies() {
        Arbitrary<Body> malformedJson = Arbitraries.of("", "{", "}", "[", "{\"a\":}", "{'a':1}", "{\"a\":1,}",
                        "{\"a\" 1}", "{}{}", "{\"a\":1}xyz", "/* c */{}", "\uFEFF{}", "{\"a\":\"\\x41\"}",
                        "{\"a\":\"\\u12\"}", "{\"a\":\"\u0000\"}", "{\"a\":\"\n\"}", "\"str\"", "42", "true", "null",
                        "[]", "[{}]", "{\"__proto__\":{\"admin\":true}}", "{\"a\":1,\"a\":2}")
                .map(text -> new Body(text.getBytes(StandardCharsets.UTF_8), "application/json", "malformed JSON"));
        Arbitrary<Body> badBytes = Arbitraries.of(
                new Body(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, (byte) 0xc0, (byte) 0xaf, '"', '}'},
                        "application/json", "invalid UTF-8"),
                new Body("{\"a\":1}".getBytes(StandardCharsets.UTF_16), "application/json", "UTF-16 with BOM"),
                new Body(new byte[] {0, 0, 0, 0, 0, 0, 0, 0}, "application/json", "NUL bytes"),
                new Body("{\"a\":\"é\"}".getBytes(StandardCharsets.ISO_8859_1), "application/json; charset=ISO-8859-1",
                        "Latin-1"),
                new Body("{}".getBytes(StandardCharsets.UTF_8), "application/json; charset=no-such-charset",
                        "unknown charset"));
        Arbitrary<Body> wrongType = Arbitraries.of(
                new Body("a=1&b=2".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded", "a form"),
                new Body("<a>1</a>".getBytes(StandardCharsets.UTF_8), "application/xml", "XML"),
                new Body("{}".getBytes(StandardCharsets.UTF_8), "text/plain", "JSON as text/plain"),
                new Body("{}".getBytes(StandardCharsets.UTF_8), null, "no Content-Type"),
                new Body("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--\r\n".getBytes(StandardCharsets.UTF_8),
                        "multipart/form-data; boundary=x", "multipart"),
                new Body("{}".getBytes(StandardCharsets.UTF_8), "application/json;;;=", "a malformed Content-Type"),
                new Body("{}".getBytes(StandardCharsets.UTF_8), "ünïcode/json", "a non-ASCII Content-Type"));
        Arbitrary<Body> huge = Arbitraries.of(
                new Body(("{\"a\":\"" + "A".repeat(3_000_000) + "\"}").getBytes(StandardCharsets.UTF_8), "application/json",
                        "a 3 MB string"),
                new Body(("[" + "1,".repeat(300_000) + "1]").getBytes(StandardCharsets.UTF_8), "application/json",
                        "an array of 300,000 numbers"),
                new Body(("[".repeat(20_000) + "]".repeat(20_000)).getBytes(StandardCharsets.UTF_8), "application/json",
                        "arrays nested 20,000 deep"),
                new Body(("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)).getBytes(StandardCharsets.UTF_8),
                        "application/json", "objects nested 5,000 deep"),
                new Body(manyKeys(50_000).getBytes(StandardCharsets.UTF_8), "application/json", "50,000 keys"));
        return Arbitraries.frequencyOf(Tuple.of(6, malformedJson), Tuple.of(2, badBytes), Tuple.of(3, wrongType),
                Tuple.of(1, huge));
    }

    private static String manyKeys(int count) {
        var out = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        return out.append('}').toString();
    }

    /** Path segments in wire form: not ids, traversal, encodings that decode into trouble, other people's ids. */
    static Arbitrary<String> pathSegments() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of("not-a-uuid", "0", "-1", "00000000-0000-0000-0000-000000000000",
                        "ffffffff-ffff-ffff-ffff-ffffffffffff", "%7B00000000-0000-0000-0000-000000000000%7D",
                        "00000000000000000000000000000000", "0000000-0000-0000-0000-0000000000000",
                        "g0000000-0000-0000-0000-000000000000", "%00", "%20", "%0d%0aX-Injected:%201", "..%2f..%2finternal",
                        "%2e%2e", "..", "...", "%252e%252e", "%c0%ae%c0%ae", "%ff%fe", "'%20OR%201=1--",
                        "%27%3B%20DROP%20TABLE%20orders%3B--", "%F0%9F%98%80", "%E2%80%AE", "null", "undefined", "true",
                        "1e400", "99999999999999999999999", "a".repeat(5_000), "%u0041", "%", "%zz", "%2", "x;jsessionid=1",
                        "%3Bx", "%5C..%5C", "~", "$", "*", "me", "admin", "%0a", "%09")),
                Tuple.of(3, Arbitraries.create(UUID::randomUUID).map(UUID::toString)),
                Tuple.of(2, strings().filter(s -> !s.isEmpty()).map(Hostile::encode)));
    }

    /** Query values in wire form. */
    static Arbitrary<String> queryValues() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, strings().map(Hostile::encode)),
                Tuple.of(3, numbers().map(Hostile::encode)),
                Tuple.of(2, Arbitraries.of("%00", "%0d%0a" + Findings.INJECTED_HEADER + ":%201", "%", "%zz", "a&b=c",
                        "%26", "", "%20", "+", "a=b", "%ff", "%c0%af", "2026-13-45", "2026-11-01T25:61:00Z",
                        "-999999999-01-01", "+999999999-12-31T23:59:59Z", "true", "TRUE", "yes", "1,2,3", ",,,")));
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A query string built from names and wire-form values, in order. */
    static String query(Map<String, String> params) {
        var parts = new ArrayList<String>();
        params.forEach((name, value) -> parts.add(name + "=" + value));
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    /**
     * 1 to 3 of the given query parameters, each with a hostile value, sometimes given twice; occasionally a
     * parameter nobody asked for.
     */
    static Arbitrary<String> queries(String... names) {
        Arbitrary<Map<String, String>> chosen = Arbitraries.subsetOf(names).ofMinSize(1).ofMaxSize(Math.min(3, names.length))
                .flatMap(subset -> {
                    List<String> ordered = subset.stream().sorted().toList();
                    return queryValues().list().ofSize(ordered.size()).map(values -> {
                        var map = new LinkedHashMap<String, String>();
                        for (int i = 0; i < ordered.size(); i++) {
                            map.put(ordered.get(i), values.get(i));
                        }
                        return map;
                    });
                });
        return Combinators.combine(chosen, Arbitraries.integers().between(0, 9), queryValues())
                .as((params, dice, extra) -> {
                    String query = query(params);
                    if (dice == 0) {
                        query += "&" + params.keySet().iterator().next() + "=" + extra;
                    }
                    else if (dice == 1) {
                        query += "&%00=" + extra + "&" + encode("\u202E") + "=1";
                    }
                    return query;
                });
    }
}
