package com.example.shop.platform.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Signs test tokens the way customer-service does (RS256, subject = customer id, {@code email} and
 * {@code roles} claims) and serves the public key as a JWKS on loopback, so a service under test validates
 * them through its real resource-server configuration.
 */
public final class TestTokens {

    public static final String ISSUER = "shop-customer-service";
    private static RSAKey key;
    private static String jwksUri;

    private TestTokens() {
    }

    /** Points {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} at the test JWKS. */
    public static void register(DynamicPropertyRegistry registry) {
        String uri = jwksUri();
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> uri);
    }

    /** A token for a customer. */
    public static String customer(UUID customerId, String email) {
        return token(customerId, email, List.of("CUSTOMER"));
    }

    /** A token for an administrator. */
    public static String admin() {
        return token(UUID.randomUUID(), "admin@shop.local", List.of("CUSTOMER", "ADMIN"));
    }

    public static String token(UUID subject, String email, List<String> roles) {
        return token(subject.toString(), email, roles, ISSUER);
    }

    /** A token with any subject and issuer, signed by the test key: for tests of what services refuse. */
    public static synchronized String token(String subject, String email, List<String> roles, String issuer) {
        jwksUri();
        Instant now = Instant.now();
        var claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .claim("email", email)
                .claim("roles", roles)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .build();
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
        return jwt.serialize();
    }

    /** The address of the test JWKS, served on loopback. */
    public static synchronized String jwksUri() {
        if (jwksUri == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                        .privateKey((RSAPrivateKey) pair.getPrivate())
                        .keyID("test-" + UUID.randomUUID())
                        .build();
                byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.createContext("/jwks.json", exchange -> {
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
                server.start();
                jwksUri = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
            }
            catch (NoSuchAlgorithmException ex) {
                throw new IllegalStateException(ex);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return jwksUri;
    }
}
