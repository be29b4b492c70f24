package com.example.shop.customer.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.example.shop.platform.testsupport.TestKafka;
import com.example.shop.platform.testsupport.TestPostgres;

/** Runs against its own database because it deletes the stored keys. */
@SpringBootTest(properties = "spring.kafka.listener.auto-startup=false")
class SigningKeysIntegrationTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "customer_signing_keys");
        TestKafka.register(registry);
    }

    private static final TokenProperties GENERATED = new TokenProperties("shop-customer-service", Duration.ofHours(1), null);

    @Autowired
    JdbcClient jdbc;

    private static String pem(KeyPair pair) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    private static KeyPair rsaKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    @BeforeEach
    void noKeyStoredYet() {
        jdbc.sql("delete from signing_key").update();
    }

    @Test
    void keepsTheKeyAcrossRestarts() throws Exception {
        SigningKeys firstStart = new SigningKeys(jdbc, GENERATED);
        SigningKeys secondStart = new SigningKeys(jdbc, GENERATED);

        assertThat(secondStart.active().getKeyID()).isEqualTo(firstStart.active().getKeyID());
        assertThat(secondStart.active().toRSAPrivateKey()).isEqualTo(firstStart.active().toRSAPrivateKey());
        assertThat(secondStart.publicKeys().getKeys()).hasSize(1);
    }

    @Test
    void signsWithTheConfiguredKeyAndKeepsPublishingTheOneUsedBefore() throws Exception {
        String before = new SigningKeys(jdbc, GENERATED).active().getKeyID();
        KeyPair pair = rsaKeyPair();
        var configured = new TokenProperties("shop-customer-service", Duration.ofHours(1), pem(pair));

        SigningKeys keys = new SigningKeys(jdbc, configured);
        SigningKeys restarted = new SigningKeys(jdbc, configured);

        assertThat(keys.active().toRSAPublicKey()).isEqualTo(pair.getPublic());
        assertThat(restarted.active().getKeyID()).isEqualTo(keys.active().getKeyID());
        assertThat(restarted.publicKeys().getKeys()).extracting(key -> key.getKeyID())
                .containsExactlyInAnyOrder(before, keys.active().getKeyID());
    }

    @Test
    void acceptsTheConfiguredKeyAsOneLineOfBase64() throws Exception {
        KeyPair pair = rsaKeyPair();
        String oneLine = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());

        var keys = new SigningKeys(jdbc, new TokenProperties("shop-customer-service", Duration.ofHours(1), oneLine));

        assertThat(keys.active().toRSAPublicKey()).isEqualTo(pair.getPublic());
    }

    @Test
    void refusesToStartWithAConfiguredKeyThatIsNotOne() {
        var broken = new TokenProperties("shop-customer-service", Duration.ofHours(1), "not a key");

        assertThatThrownBy(() -> new SigningKeys(jdbc, broken)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SHOP_JWT_PRIVATE_KEY");
    }

    @Test
    void replicasStartingAtOnceEndUpWithTheSameKey() throws Exception {
        int replicas = 6;
        var ready = new CountDownLatch(1);
        List<CompletableFuture<String>> kids;
        try (ExecutorService pool = Executors.newFixedThreadPool(replicas)) {
            kids = IntStream.range(0, replicas)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        try {
                            ready.await();
                        }
                        catch (InterruptedException ex) {
                            Thread.currentThread().interrupt();
                        }
                        return new SigningKeys(jdbc, GENERATED).active().getKeyID();
                    }, pool))
                    .toList();
            ready.countDown();
        }

        Set<String> distinct = kids.stream().map(CompletableFuture::join).collect(Collectors.toSet());
        assertThat(distinct).hasSize(1);
        assertThat(jdbc.sql("select count(*) from signing_key").query(Long.class).single()).isEqualTo(1);
    }
}
