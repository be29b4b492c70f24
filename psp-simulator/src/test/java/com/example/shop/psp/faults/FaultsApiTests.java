package com.example.shop.psp.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.example.shop.psp.PspClient;
import com.example.shop.psp.PspClient.Response;

// Its own context (the property makes it one), because these tests change the faults of the whole simulator.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "psp.latency=0ms")
class FaultsApiTests {

    @LocalServerPort
    int port;

    PspClient psp;

    @BeforeEach
    void client() {
        psp = new PspClient(port);
    }

    @AfterEach
    void noFaults() {
        psp.put("/simulator/faults", "{\"failureRate\":0.0,\"latency\":\"PT0S\"}");
    }

    @Test
    void showsTheFaultsInEffect() {
        Response faults = psp.get("/simulator/faults");

        assertThat(faults.status()).isEqualTo(200);
        assertThat(faults.json().path("failureRate").asDouble()).isZero();
        assertThat(faults.text("latency")).isEqualTo("PT0S");
    }

    @Test
    void failsEveryProviderRequestOnceTheFailureRateIsSetToOne() {
        Response changed = psp.put("/simulator/faults", "{\"failureRate\":1.0}");

        Response create = psp.create(UUID.randomUUID().toString(), PspClient.body("tok_visa", 1999));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("failureRate").asDouble()).isEqualTo(1.0);
        assertThat(create.status()).isEqualTo(500);
        assertThat(create.error("type")).isEqualTo("api_error");
        assertThat(psp.get("/simulator/faults").json().path("failureRate").asDouble()).isEqualTo(1.0);
    }

    @Test
    void leavesTheSimulatorsOwnPathsAloneWhenEveryProviderRequestFails() {
        psp.put("/simulator/faults", "{\"failureRate\":1.0}");

        assertThat(psp.get("/simulator/faults").status()).isEqualTo(200);
        assertThat(psp.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void slowsProviderRequestsByTheLatencySetAndKeepsTheRate() {
        psp.put("/simulator/faults", "{\"failureRate\":0.0}");
        Response changed = psp.put("/simulator/faults", "{\"latency\":\"PT0.2S\"}");
        long started = System.nanoTime();

        Response create = psp.create(UUID.randomUUID().toString(), PspClient.body("tok_visa", 1999));

        assertThat(changed.text("latency")).isEqualTo("PT0.2S");
        assertThat(changed.json().path("failureRate").asDouble()).isZero();
        assertThat(create.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void acceptsALatencyInSpringsShortForm() {
        Response changed = psp.put("/simulator/faults", "{\"latency\":\"150ms\"}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.text("latency")).isEqualTo("PT0.15S");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"failureRate\":1.5}", "{\"failureRate\":-0.1}", "{\"failureRate\":\"half\"}",
            "{\"latency\":\"PT-1S\"}", "{\"latency\":\"soon\"}", "{\"latency\":200}", "{\"latency\":\"PT6M\"}",
            "{\"colour\":\"red\"}", "not json", "[]"})
    void rejectsBadFaultsWithAProblemAndKeepsTheCurrentOnes(String body) {
        Response rejected = psp.put("/simulator/faults", body);

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.header("Content-Type")).startsWith("application/problem+json");
        assertThat(rejected.json().path("status").asInt()).isEqualTo(400);
        assertThat(rejected.text("detail")).isNotBlank();
        Response current = psp.get("/simulator/faults");
        assertThat(current.json().path("failureRate").asDouble()).isZero();
        assertThat(current.text("latency")).isEqualTo("PT0S");
    }

    @Test
    void answersAWrongMethodOnTheFaultsWithAProblem() {
        Response rejected = psp.post("/simulator/faults", null, "{}");

        assertThat(rejected.status()).isEqualTo(405);
        assertThat(rejected.header("Content-Type")).startsWith("application/problem+json");
    }
}
