package com.example.shop.e2e;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

import com.example.shop.e2e.RawHttp.Answer;
import com.example.shop.e2e.RawHttp.Header;

/**
 * One hostile request and what the shop must answer to it. {@link #run()} sends it through the gateway and hands
 * the answer to {@link Findings#judge}, which checks the rules every answer obeys (no 5xx, errors are problem+json)
 * and this attack's own {@link Expect expectation}.
 *
 * @param endpoint the endpoint as the README's API table names it, e.g. {@code POST /api/cart/items}
 * @param what     what makes the request hostile, for the failure message and the report
 */
record Attack(String endpoint, String method, String target, List<Header> headers, byte[] body, Expect expect,
        String what, Predicate<Answer> semantic) {

    /**
     * What the answer's status must be. Every attack also obeys the universal rules, whatever it expects.
     *
     * @param description e.g. "refused (4xx)"
     */
    record Expect(String description, IntPredicate allows) {

        /** The request is invalid by the API's own contract: some 4xx, never a 2xx. */
        static Expect refused() {
            return new Expect("refused (4xx)", status -> status >= 400 && status < 500);
        }

        /** The request is invalid in one of the named ways. */
        static Expect refused(int... statuses) {
            var names = new StringBuilder();
            for (int status : statuses) {
                names.append(names.isEmpty() ? "" : "/").append(status);
            }
            return new Expect("refused (" + names + ")", status -> {
                for (int allowed : statuses) {
                    if (status == allowed) {
                        return true;
                    }
                }
                return false;
            });
        }

        /** The input may be acceptable (a search for odd text, a name with emoji): 2xx or a 4xx problem. */
        static Expect answered() {
            return new Expect("answered (2xx or 4xx)", status -> (status >= 200 && status < 300)
                    || (status >= 400 && status < 500));
        }
    }

    static Builder on(String endpoint, String method, String target) {
        return new Builder(endpoint, method, target);
    }

    Answer run() {
        Answer answer = RawHttp.send(method, target, headers, body);
        Findings.judge(this, answer);
        return answer;
    }

    /** What jqwik prints for a falsified sample: enough to replay the request by hand. */
    @Override
    public String toString() {
        return endpoint + " [" + what + "] " + method + " " + Findings.abbreviate(target, 300) + " headers="
                + headers.stream().map(h -> h.name() + ": " + Findings.abbreviate(h.value(), 120)).toList()
                + (body == null ? "" : " body=" + Findings.abbreviate(new String(body, StandardCharsets.UTF_8), 300))
                + " expect " + expect.description();
    }

    static final class Builder {

        private final String endpoint;
        private final String method;
        private final String target;
        private final List<Header> headers = new ArrayList<>();
        private byte[] body;
        private Expect expect = Expect.refused();
        private String what = "";
        private Predicate<Answer> semantic = answer -> true;

        private Builder(String endpoint, String method, String target) {
            this.endpoint = endpoint;
            this.method = method;
            this.target = target;
        }

        Builder bearer(String token) {
            if (token != null) {
                headers.add(new Header("Authorization", "Bearer " + token));
            }
            return this;
        }

        Builder headers(List<Header> more) {
            headers.addAll(more);
            return this;
        }

        Builder header(String name, String value) {
            headers.add(new Header(name, value));
            return this;
        }

        Builder json(String text) {
            return body(text.getBytes(StandardCharsets.UTF_8), "application/json");
        }

        Builder body(byte[] bytes, String contentType) {
            this.body = bytes;
            if (contentType != null) {
                headers.add(new Header("Content-Type", contentType));
            }
            return this;
        }

        Builder expect(Expect expectation) {
            this.expect = expectation;
            return this;
        }

        Builder what(String description) {
            this.what = description;
            return this;
        }

        /** A rule about a successful answer's content, e.g. "every customer found contains the searched text". */
        Builder semantic(Predicate<Answer> rule) {
            this.semantic = rule;
            return this;
        }

        Attack build() {
            return new Attack(endpoint, method, target, List.copyOf(headers), body, expect, what, semantic);
        }
    }
}
