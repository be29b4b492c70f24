package com.example.shop.customer.identity;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The RSA key pairs that sign access tokens, kept in table {@code signing_key}.
 *
 * <p>The first start generates a key pair; later starts load it, so tokens stay valid across restarts. Replicas
 * that start at the same time each try to insert their own key, the unique index on the active key lets exactly
 * one insert win, and every replica then reads back and uses the winner.
 *
 * <p>A deployment that manages the key as a secret configures it ({@code SHOP_JWT_PRIVATE_KEY}); it then becomes
 * the active key, identified by its RFC 7638 thumbprint. Keys used before stay in the JWKS, so tokens they
 * signed remain valid until they expire: changing the configured key rotates it.
 */
@Component
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final JdbcClient jdbc;
    private final RSAKey active;

    SigningKeys(JdbcClient jdbc, TokenProperties properties) {
        this.jdbc = jdbc;
        this.active = properties.hasConfiguredKey() ? activate(parsePem(properties.privateKey()))
                : findActive().orElseGet(this::createActive);
    }

    /** The key pair that signs new tokens. */
    public RSAKey active() {
        return active;
    }

    /** The public halves of all keys, for {@code /.well-known/jwks.json}. */
    public JWKSet publicKeys() {
        List<JWK> keys = jdbc.sql("select kid, public_key, private_key from signing_key order by created_at desc")
                .query(SigningKeys::map)
                .list()
                .stream()
                .map(key -> (JWK) key.toPublicJWK())
                .toList();
        return new JWKSet(keys);
    }

    private RSAKey createActive() {
        RSAKey fresh = generate();
        int inserted = jdbc.sql("""
                insert into signing_key (kid, public_key, private_key, active)
                values (:kid, :publicKey, :privateKey, true)
                on conflict do nothing
                """)
                .param("kid", fresh.getKeyID())
                .param("publicKey", encoded(fresh, true))
                .param("privateKey", encoded(fresh, false))
                .update();
        RSAKey winner = findActive().orElseThrow(() -> new IllegalStateException("no active signing key after insert"));
        log.info(inserted == 1 ? "Generated signing key {}" : "Adopted signing key {} created by another replica",
                winner.getKeyID());
        return winner;
    }

    /** Makes the configured key the active one; idempotent, so replicas with the same secret agree. */
    private RSAKey activate(RSAKey configured) {
        jdbc.sql("update signing_key set active = false where active and kid <> :kid")
                .param("kid", configured.getKeyID())
                .update();
        jdbc.sql("""
                insert into signing_key (kid, public_key, private_key, active)
                values (:kid, :publicKey, :privateKey, true)
                on conflict (kid) do update set active = true
                """)
                .param("kid", configured.getKeyID())
                .param("publicKey", encoded(configured, true))
                .param("privateKey", encoded(configured, false))
                .update();
        log.info("Signing tokens with the configured key {}", configured.getKeyID());
        return configured;
    }

    /** Reads a PKCS#8 PEM RSA private key and derives its public half. */
    static RSAKey parsePem(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            var privateKey = (RSAPrivateCrtKey) factory
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            var publicKey = (RSAPublicKey) factory
                    .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            RSAKey unnamed = build(publicKey, privateKey, "unnamed");
            return build(publicKey, privateKey, unnamed.computeThumbprint().toString());
        }
        catch (GeneralSecurityException | IllegalArgumentException | ClassCastException
                | com.nimbusds.jose.JOSEException ex) {
            throw new IllegalStateException(
                    "SHOP_JWT_PRIVATE_KEY is not an RSA private key in PKCS#8 PEM (-----BEGIN PRIVATE KEY-----)", ex);
        }
    }

    private Optional<RSAKey> findActive() {
        return jdbc.sql("select kid, public_key, private_key from signing_key where active")
                .query(SigningKeys::map)
                .optional();
    }

    private static RSAKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return build((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate(),
                    UUID.randomUUID().toString());
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("cannot generate an RSA key pair", ex);
        }
    }

    private static byte[] encoded(RSAKey key, boolean publicHalf) {
        try {
            return publicHalf ? key.toRSAPublicKey().getEncoded() : key.toRSAPrivateKey().getEncoded();
        }
        catch (com.nimbusds.jose.JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static RSAKey map(ResultSet rs, int row) throws SQLException {
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            var publicKey = (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(rs.getBytes("public_key")));
            var privateKey = (RSAPrivateKey) factory
                    .generatePrivate(new PKCS8EncodedKeySpec(rs.getBytes("private_key")));
            return build(publicKey, privateKey, rs.getString("kid"));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("stored signing key " + rs.getString("kid") + " is unreadable", ex);
        }
    }

    private static RSAKey build(RSAPublicKey publicKey, RSAPrivateKey privateKey, String kid) {
        return new RSAKey.Builder(publicKey)
                .privateKey(privateKey)
                .keyID(kid)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .build();
    }
}
