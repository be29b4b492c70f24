package com.example.shop.customer.identity;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void noKeyStoredYet() {
        jdbc.sql("delete from signing_key").update();
    }

    @Test
    void keepsTheKeyAcrossRestarts() throws Exception {
        SigningKeys firstStart = new SigningKeys(jdbc);
        SigningKeys secondStart = new SigningKeys(jdbc);

        assertThat(secondStart.active().getKeyID()).isEqualTo(firstStart.active().getKeyID());
        assertThat(secondStart.active().toRSAPrivateKey()).isEqualTo(firstStart.active().toRSAPrivateKey());
        assertThat(secondStart.publicKeys().getKeys()).hasSize(1);
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
                        return new SigningKeys(jdbc).active().getKeyID();
                    }, pool))
                    .toList();
            ready.countDown();
        }

        Set<String> distinct = kids.stream().map(CompletableFuture::join).collect(Collectors.toSet());
        assertThat(distinct).hasSize(1);
        assertThat(jdbc.sql("select count(*) from signing_key").query(Long.class).single()).isEqualTo(1);
    }
}
