package com.example.shop.e2e;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.example.shop.e2e.RawHttp.Header;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import tools.jackson.databind.JsonNode;

/**
 * Credentials that must never let anyone in: garbage, tokens with {@code alg: none}, tokens whose payload was
 * changed after signing (someone else's {@code sub}, the ADMIN role), tokens signed with a key of our own (wrong
 * issuer, expired, a foreign {@code jku}), HMAC-signed tokens, broken Authorization headers.
 *
 * <p>A validly signed but expired token cannot be made from outside: only customer-service holds the signing key,
 * and its tokens live an hour. "Expired" here means an expired token carrying a signature the shop did not make,
 * which must fail either way.
 */
final class ForgedCredentials {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final KeyPair OUR_KEY = rsaKey();

    /** What goes into the Authorization header(s), and what it is. */
    record Credential(String what, List<Header> headers) {

        @Override
        public String toString() {
            return what;
        }
    }

    private ForgedCredentials() {
    }

    /**
     * Forged credentials that claim to be {@code victimId} with the ADMIN role, built from a real token's header
     * and payload so that only the signature (or the algorithm) is wrong.
     */
    static Arbitrary<Credential> claimingToBe(String realToken, String victimId) {
        String[] parts = realToken.split("\\.");
        JsonNode header = ShopApi.JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        String kid = header.path("kid").asString("");
        long now = Instant.now().getEpochSecond();
        String victimAdmin = payload("shop-customer-service", victimId, now + 3_600, List.of("CUSTOMER", "ADMIN"));
        String expired = payload("shop-customer-service", victimId, now - 7_200, List.of("CUSTOMER", "ADMIN"));
        String wrongIssuer = payload("https://evil.example", victimId, now + 3_600, List.of("CUSTOMER", "ADMIN"));
        String noSub = JsonText.obj("iss", JsonText.str("shop-customer-service"), "roles", "[\"ADMIN\"]",
                "exp", String.valueOf(now + 3_600));
        String rs256 = JsonText.obj("alg", "\"RS256\"", "typ", "\"JWT\"", "kid", JsonText.str(kid));
        List<Credential> credentials = List.of(
                bearer("garbage", "garbage"),
                bearer("three dots", "..."),
                bearer("a.b.c", "a.b.c"),
                bearer("the word null", "null"),
                bearer("random base64", B64.encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))),
                bearer("alg none, victim as ADMIN", unsigned("none", victimAdmin) + "."),
                bearer("alg None (case), victim as ADMIN", unsigned("None", victimAdmin) + "."),
                bearer("alg none with a signature", unsigned("none", victimAdmin) + "." + parts[2]),
                bearer("real header and signature, victim's sub and ADMIN in the payload",
                        parts[0] + "." + b64(victimAdmin) + "." + parts[2]),
                bearer("real token, expired payload", parts[0] + "." + b64(expired) + "." + parts[2]),
                bearer("real token without its signature", parts[0] + "." + parts[1] + "."),
                bearer("real token, signature cut short", realToken.substring(0, realToken.length() - 6)),
                bearer("real token, one character more", realToken + "A"),
                bearer("real token, signature of another token's length", parts[0] + "." + parts[1] + "." + "A".repeat(342)),
                bearer("our own RSA key, the real kid", rs256Signed(rs256, victimAdmin)),
                bearer("our own RSA key, wrong issuer", rs256Signed(rs256, wrongIssuer)),
                bearer("our own RSA key, expired", rs256Signed(rs256, expired)),
                bearer("our own RSA key, no sub", rs256Signed(rs256, noSub)),
                bearer("a jku pointing elsewhere", rs256Signed(JsonText.obj("alg", "\"RS256\"", "kid", "\"evil\"",
                        "jku", "\"http://127.0.0.1:9/jwks.json\""), victimAdmin)),
                bearer("kid path traversal", rs256Signed(JsonText.obj("alg", "\"RS256\"", "kid",
                        "\"../../../../../../dev/null\""), victimAdmin)),
                bearer("kid SQL injection", rs256Signed(JsonText.obj("alg", "\"RS256\"", "kid", "\"' OR '1'='1\""),
                        victimAdmin)),
                bearer("HS256 with the secret 'secret'", hs256Signed(kid, victimAdmin, "secret")),
                bearer("HS256 with the kid as secret", hs256Signed(kid, victimAdmin, kid.isEmpty() ? "x" : kid)),
                bearer("a header that is not JSON", b64("not json") + "." + b64(victimAdmin) + "." + parts[2]),
                bearer("a payload that is not JSON", parts[0] + "." + b64("{\"sub\":") + "." + parts[2]),
                bearer("6,000 characters", "A".repeat(6_000)),
                bearer("20,000 characters", "A".repeat(20_000)),
                bearer("a token with a space", "abc def"),
                bearer("a token with unicode", "tökén😀"),
                new Credential("empty Bearer", List.of(new Header("Authorization", "Bearer"))),
                new Credential("Bearer and a space", List.of(new Header("Authorization", "Bearer "))),
                new Credential("lower-case scheme, forged token",
                        List.of(new Header("Authorization", "bearer " + parts[0] + "." + b64(victimAdmin) + "." + parts[2]))),
                new Credential("Basic admin:admin", List.of(new Header("Authorization", "Basic YWRtaW46YWRtaW4="))),
                new Credential("Token scheme", List.of(new Header("Authorization", "Token " + realToken.substring(1)))),
                new Credential("two Authorization headers, one forged", List.of(
                        new Header("Authorization", "Bearer " + unsigned("none", victimAdmin) + "."),
                        new Header("Authorization", "Bearer garbage"))));
        return Arbitraries.of(credentials);
    }

    private static Credential bearer(String what, String token) {
        return new Credential(what, List.of(new Header("Authorization", "Bearer " + token)));
    }

    private static String payload(String issuer, String subject, long expiresAt, List<String> roles) {
        return JsonText.obj(Map.of(
                "iss", JsonText.str(issuer),
                "sub", JsonText.str(subject),
                "email", JsonText.str("forged@example.com"),
                "name", JsonText.str("Forged"),
                "roles", "[" + String.join(",", roles.stream().map(JsonText::str).toList()) + "]",
                "iat", String.valueOf(expiresAt - 3_600),
                "exp", String.valueOf(expiresAt)));
    }

    private static String unsigned(String alg, String payload) {
        return b64(JsonText.obj("alg", JsonText.str(alg), "typ", "\"JWT\"")) + "." + b64(payload);
    }

    private static String rs256Signed(String header, String payload) {
        String input = b64(header) + "." + b64(payload);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(OUR_KEY.getPrivate());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(signature.sign());
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String hs256Signed(String kid, String payload, String secret) {
        String input = b64(JsonText.obj("alg", "\"HS256\"", "typ", "\"JWT\"", "kid", JsonText.str(kid))) + "." + b64(payload);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String b64(String text) {
        return B64.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static KeyPair rsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
