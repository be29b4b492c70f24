package com.example.shop.gateway;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.example.shop.platform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed and hostile requests against the gateway's real Reactor Netty server, written byte for byte on a socket:
 * whatever layer refuses them (the HTTP codec, Spring Security's firewall, the gateway's own guards), the answer is a
 * 4xx problem+json, and nothing of it reaches a service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayBadInputIntegrationTests {

    static final FakeService customers = FakeService.start("customer-service");
    static final FakeService catalog = FakeService.start("catalog-service");
    static final FakeService orders = FakeService.start("order-service");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
        registry.add("SHOP_CUSTOMER_URL", customers::url);
        registry.add("SHOP_CATALOG_URL", catalog::url);
        registry.add("SHOP_ORDER_URL", orders::url);
        // Down, so that its route answers with the circuit breaker's fallback.
        registry.add("SHOP_PAYMENT_URL", FakeService::closedPortUrl);
    }

    @AfterAll
    static void stopServices() {
        customers.stop();
        catalog.stop();
        orders.stop();
    }

    @LocalServerPort
    int port;

    // --- Reactor Netty's HTTP codec ---

    @Test
    void requestLineLongerThanTheLimitIsA414ProblemAndTheConnectionIsClosed() {
        var answer = RawHttp.send(port, "GET /api/products?q=" + "a".repeat(5_000) + " HTTP/1.1\r\n"
                + "Host: localhost\r\n");

        assertProblem(answer, 414);
        assertThat(problem(answer).get("detail").asString()).isEqualTo("The request line is longer than 4096 bytes.");
        assertThat(answer.header("Connection")).isEqualToIgnoringCase("close");
        assertThat(answer.closedAfter()).isTrue();
    }

    @Test
    void headersLargerThanTheLimitAreA431Problem() {
        var answer = RawHttp.send(port, "GET /api/products HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Big: " + "a".repeat(10_000) + "\r\n");

        assertProblem(answer, 431);
        assertThat(problem(answer).get("detail").asString())
                .isEqualTo("The request headers are larger than 8192 bytes.");
        assertThat(answer.closedAfter()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "X-Note: a\u0000b", "X-Note: a\rX-Injected: 1", "Bad Header: x",
            "\u00dcn\u00efcode: x" })
    void headerWithCharactersHttpDoesNotAllowIsA400Problem(String header) {
        assertProblem(RawHttp.send(port, "GET /api/products HTTP/1.1\r\nHost: localhost\r\n" + header + "\r\n"), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = { "caf\u00e9", "\ud83d\ude00" })
    void nonAsciiHeaderValueIsPassedOnForTheServiceToJudge(String value) {
        String marker = "note-" + UUID.randomUUID();
        var answer = RawHttp.send(port, "GET /api/products/" + marker + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\nX-Note: " + value + "\r\n");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(catalog.received()).anyMatch(r -> r.path().equals("/api/products/" + marker));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Bearer caf\u00e9", "Bearer \ud83d\ude00", "\u00e9\u00e9" })
    void authorizationWithNonAsciiCharactersIsA4xxProblem(String value) {
        var answer = RawHttp.send(port, "GET /api/orders HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: " + value + "\r\n");

        assertThat(answer.status()).isIn(400, 401);
        assertProblem(answer, answer.status());
    }

    @Test
    void conflictingContentLengthsAreA400ProblemAndNothingReachesTheService() {
        String marker = UUID.randomUUID().toString();
        var answer = RawHttp.send(port, "POST /api/customers/" + marker + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 3\r\n", bytes("{}x"));

        assertProblem(answer, 400);
        assertThat(customers.received()).noneMatch(r -> r.path().contains(marker));
    }

    @Test
    void contentLengthThatIsNotANumberIsA400Problem() {
        assertProblem(RawHttp.send(port, "POST /api/customers HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: abc\r\n"), 400);
    }

    @Test
    void malformedChunkSizeIsA400Problem() {
        var answer = RawHttp.send(port, "POST /api/customers HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n", bytes("zz\r\n{}\r\n0\r\n\r\n"));

        assertProblem(answer, 400);
    }

    @Test
    void rawNonAsciiInTheTargetIsA400Problem() {
        assertProblem(RawHttp.send(port, "GET /api/products?q=kettle\u00e9\u202e HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n"), 400);
    }

    @Test
    void malformedPercentEscapeInThePathIsA400Problem() {
        var answer = RawHttp.send(port, "GET /api/products/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");

        assertProblem(answer, 400);
        assertThat(problem(answer).get("detail").asString()).contains("not a valid URI");
    }

    @Test
    void backslashInTheTargetIsA400Problem() {
        assertProblem(RawHttp.send(port, "GET /api/products\\..\\..\\internal\\products HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n"), 400);
    }

    @Test
    void http2RequestLineOnAnHttp11ConnectionIsA400Problem() {
        // Refused by Reactor Netty after the codec accepted it: the answer goes out through its failed-request path.
        var answer = RawHttp.send(port, "GET /api/products HTTP/2.0\r\nHost: localhost\r\n");

        assertProblem(answer, 400);
        assertThat(answer.closedAfter()).isTrue();
    }

    @Test
    void serviceOwnEmpty4xxIsPassedOnUntouched() {
        var answer = RawHttp.send(port, "GET /api/products/bare HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).isEmpty();
        assertThat(answer.body()).isEmpty();
    }

    // --- Spring Security's firewall ---

    @Test
    void traceIsA405ProblemThatEchoesNothing() {
        var answer = RawHttp.send(port, "TRACE /api/products HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: Bearer secret-token\r\n");

        assertProblem(answer, 405);
        assertThat(answer.header("Allow")).contains("GET").doesNotContain("TRACE");
        assertThat(answer.body()).doesNotContain("secret-token");
    }

    @ParameterizedTest
    @ValueSource(strings = { "FOO", "get", "PROPFIND" })
    void unknownMethodIsA405Problem(String method) {
        assertProblem(RawHttp.send(port, method + " /api/products HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n"), 405);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/products/%25", "/api/products/a%00b", "/api/products/%0d%0aX-Injected:1",
            "/api/products/%e2%80%a8", "/api/products/%0a" })
    void pathTheFirewallRefusesIsA400Problem(String path) {
        String marker = UUID.randomUUID().toString();
        var answer = RawHttp.send(port, "GET " + path + "/" + marker + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n");

        assertProblem(answer, 400);
        assertThat(catalog.received()).noneMatch(r -> r.path().contains(marker));
    }

    // --- the gateway's own guards ---

    @ParameterizedTest
    @ValueSource(strings = { "%c0%ae%c0%ae", "%ff%fe", "%e2%28%a1", "%ed%a0%80" })
    void pathWhoseEscapesAreNotUtf8IsA400ProblemAndIsNotPassedOn(String segment) {
        String marker = UUID.randomUUID().toString();
        var answer = RawHttp.send(port, "GET /api/products/" + marker + "/" + segment
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");

        assertProblem(answer, 400);
        assertThat(problem(answer).get("detail").asString()).contains("UTF-8");
        assertThat(catalog.received()).noneMatch(r -> r.path().contains(marker));
    }

    @Test
    void pathWithUtf8EscapesIsStillPassedOn() {
        String marker = UUID.randomUUID().toString();
        var answer = RawHttp.send(port, "GET /api/products/" + marker + "-%C3%A9%F0%9F%98%80"
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(catalog.received()).anyMatch(r -> r.path().equals("/api/products/" + marker + "-é😀"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "tea", "100-continue, tea", "200-ok", "" })
    void expectationOtherThan100ContinueIsA417ProblemAndIsNotPassedOn(String expectation) {
        String marker = UUID.randomUUID().toString();
        var answer = RawHttp.send(port, "POST /api/customers/" + marker + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                + "Expect: " + expectation + "\r\n", bytes("{}"));

        assertProblem(answer, 417);
        assertThat(customers.received()).noneMatch(r -> r.path().contains(marker));
    }

    @Test
    void expect100ContinueIsStillPassedOn() {
        var answer = RawHttp.send(port, "POST /api/customers HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2\r\nExpect: 100-continue\r\n", bytes("{}"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("customer-service");
    }

    // --- the gateway's own problems whatever the client accepts ---

    @ParameterizedTest
    @ValueSource(strings = { "application/json; charset=ebcdic", "*/*;q=abc", "garbage", "application/xml", "text/html",
            "application/*;q=0", "" })
    void gatewayProblemsAreProblemJsonWhateverTheAcceptHeaderSays(String accept) {
        String acceptHeader = "Accept: " + accept + "\r\nConnection: close\r\nHost: localhost\r\n";
        assertProblem(RawHttp.send(port, "GET /nothing-here HTTP/1.1\r\n" + acceptHeader), 404);
        assertProblem(RawHttp.send(port, "GET /api/orders HTTP/1.1\r\n" + acceptHeader), 401);
        assertProblem(RawHttp.send(port, "GET /internal/products HTTP/1.1\r\n" + acceptHeader), 404);
        assertProblem(RawHttp.send(port, "GET /api/products/%2e%2e/x HTTP/1.1\r\n" + acceptHeader), 400);
        assertProblem(RawHttp.send(port, "GET /api/products/%ff HTTP/1.1\r\n" + acceptHeader), 400);
        assertProblem(RawHttp.send(port, "GET /api/products/%25 HTTP/1.1\r\n" + acceptHeader), 400);
        assertProblem(RawHttp.send(port, "TRACE /api/products HTTP/1.1\r\n" + acceptHeader), 405);
        assertProblem(RawHttp.send(port, "POST /api/customers HTTP/1.1\r\n" + acceptHeader
                + "Content-Length: 0\r\nExpect: tea\r\n"), 417);
        assertProblem(RawHttp.send(port, "GET /api/admin/payments/" + UUID.randomUUID() + " HTTP/1.1\r\n" + acceptHeader
                + "Authorization: Bearer " + TestTokens.admin() + "\r\n"), 503);
        assertProblem(RawHttp.send(port, "GET /api/products/%zz HTTP/1.1\r\n" + acceptHeader), 400);
    }

    private static void assertProblem(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).as("status of %s", answer).isEqualTo(status);
        assertThat(answer.contentType()).as("content type of %s", answer).startsWith("application/problem+json");
        JsonNode problem = problem(answer);
        assertThat(problem.path("type").asString()).as("type in %s", answer).isEqualTo("about:blank");
        assertThat(problem.path("status").asInt()).as("status in %s", answer).isEqualTo(status);
        assertThat(problem.path("title").asString()).as("title in %s", answer).isNotBlank();
        assertThat(problem.path("detail").asString()).as("detail in %s", answer).isNotBlank();
    }

    private static JsonNode problem(RawHttp.Answer answer) {
        return JsonMapper.shared().readTree(answer.body());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
