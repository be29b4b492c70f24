package com.example.shop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.example.shop.platform.testsupport.TestTokens;
import com.example.shop.platform.web.sample.RawHttp;
import com.example.shop.platform.web.sample.SampleApplication;
import com.example.shop.platform.web.sample.SampleApplication.Slow;

/**
 * Shutdown of a real embedded server, in the order a load balancer needs: readiness goes DOWN while the server still
 * answers (the drain), then the server stops taking connections and the request in flight still completes.
 */
class ReadinessDrainIntegrationTests {

    private ConfigurableApplicationContext app;

    @AfterEach
    void closeTheApplication() {
        Slow.release.countDown();
        if (app != null) {
            app.close();
        }
    }

    @Test
    void reportsNotReadyWhileStillAnsweringThenLetsTheRequestInFlightFinish() throws Exception {
        Slow.entered = new CountDownLatch(1);
        Slow.release = new CountDownLatch(1);
        app = new SpringApplicationBuilder(SampleApplication.class).properties(
                "server.port=0",
                "server.shutdown=graceful",
                "shop.shutdown.drain=5s",
                "management.endpoint.health.probes.enabled=true",
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestTokens.jwksUri()).run();
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        assertThat(readiness(port)).isEqualTo(200);

        CompletableFuture<HttpResponse<String>> slow = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sample/slow")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(Slow.entered.await(10, TimeUnit.SECONDS)).as("the slow request is in flight").isTrue();

        Thread closing = Thread.ofPlatform().start(app::close);

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> readiness(port) == 503);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> refusesConnections(port));
        assertThat(slow).as("still in flight when the server stopped taking connections").isNotDone();

        Slow.release.countDown();

        HttpResponse<String> answer = slow.get(10, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("finished");
        closing.join(Duration.ofSeconds(15));
        assertThat(closing.isAlive()).isFalse();
    }

    private static int readiness(int port) {
        try {
            return RawHttp.send(port, "GET /actuator/health/readiness HTTP/1.1").status();
        }
        catch (IOException | RuntimeException ex) {
            return -1;
        }
    }

    private static boolean refusesConnections(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return false;
        }
        catch (IOException ex) {
            return true;
        }
    }
}
