package com.example.shop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.example.shop.platform.testsupport.TestTokens;
import com.example.shop.platform.web.sample.RawHttp;
import com.example.shop.platform.web.sample.RawHttp.Answer;
import com.example.shop.platform.web.sample.SampleApplication;

/**
 * Malformed and hostile requests to a real embedded Tomcat, sent byte for byte: each is answered with a 4xx
 * {@code application/problem+json}, whichever layer refuses it (Tomcat, the security firewall, Spring MVC, the
 * error path).
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ProblemJsonEverywhereIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void answersAPathWhoseEscapesAreNotUtf8WithAProblemInsteadOfTomcatsHtmlPage() throws Exception {
        for (String path : new String[] {"/sample/%c0%ae", "/x/%ff%fe"}) {
            Answer answer = RawHttp.send(port, "GET " + path + " HTTP/1.1");

            assertProblem(answer, 400);
        }
    }

    @Test
    void answersAnUnknownExpectationWithA417Problem() throws Exception {
        Answer answer = RawHttp.send(port, "GET /sample/search HTTP/1.1", "Expect: tea");

        assertProblem(answer, 417);
    }

    @Test
    void answersAQueryValueThatIsNotUtf8WithA400Problem() throws Exception {
        Answer answer = RawHttp.send(port, "GET /sample/search?q=%c0%ae HTTP/1.1");

        assertProblem(answer, 400);
        assertThat(body(answer).path("detail").asString()).contains("UTF-8");
    }

    @Test
    void answersAParameterNameWithAnUnassignedCharacterWithA400Problem() throws Exception {
        Answer answer = RawHttp.send(port, "GET /sample/filter?colour%EF%BF%BF=red HTTP/1.1");

        assertProblem(answer, 400);
    }

    @Test
    void answersAHeaderValueWithAControlCharacterWithA400ProblemNotBootsErrorJson() throws Exception {
        var request = new ByteArrayOutputStream();
        request.writeBytes("GET /sample/token HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-Cart-Token: "
                .getBytes(StandardCharsets.US_ASCII));
        // The euro sign in UTF-8; read as ISO-8859-1 its second byte is the C1 control U+0082.
        request.writeBytes("price-\u20ac".getBytes(StandardCharsets.UTF_8));
        request.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        Answer answer = RawHttp.send(port, request.toByteArray());

        assertProblem(answer, 400);
        assertThat(answer.body()).doesNotContain("timestamp");
    }

    @Test
    void answersAPathTheFirewallRejectsWithA400Problem() throws Exception {
        Answer answer = RawHttp.send(port, "GET /sample/search;jsessionid=1 HTTP/1.1");

        assertProblem(answer, 400);
        assertThat(answer.body()).doesNotContain("timestamp");
    }

    @Test
    void describesAParameterGivenTwiceWithoutShowingAJavaArray() throws Exception {
        Answer answer = RawHttp.send(port, "GET /sample/search?page=x&page=2 HTTP/1.1");

        assertProblem(answer, 400);
        assertThat(body(answer).path("detail").asString())
                .doesNotContain("[Ljava")
                .contains("'page'").contains("once");
    }

    @Test
    void writesAProblemWhateverTheAcceptHeaderSays() throws Exception {
        for (String accept : new String[] {"application/json; charset=ebcdic", "*/*;q=abc", "garbage", "text/html"}) {
            assertProblem(RawHttp.send(port, "GET /sample/nowhere HTTP/1.1", "Accept: " + accept), 404);
            assertProblem(RawHttp.send(port, "GET /sample/search?page=x HTTP/1.1", "Accept: " + accept), 400);
            assertProblem(RawHttp.send(port, "GET /api/orders HTTP/1.1", "Accept: " + accept), 401);
        }
    }

    @Test
    void writesAServicesOwnProblemWhateverTheAcceptHeaderSays() throws Exception {
        String tooMany = String.join(", ", Collections.nCopies(51, "application/json"));
        for (String accept : new String[] {"application/json; charset=ebcdic", "*/*;q=abc", "garbage", tooMany}) {
            Answer answer = RawHttp.send(port, "GET /sample/products/p-1 HTTP/1.1", "Accept: " + accept);

            assertProblem(answer, 404);
            assertThat(body(answer).path("detail").asString()).isEqualTo("No product p-1.");
        }
    }

    @Test
    void servesARequestWhoseAcceptHeaderCannotBeReadAsIfItHadNone() throws Exception {
        Answer answer = RawHttp.send(port, "GET /sample/search?q=tea HTTP/1.1", "Accept: */*;q=abc");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("found 3 on page 0");
    }

    @Test
    void answersAnErrorSentToTheContainerWithAProblemWhateverTheAcceptHeaderSays() throws Exception {
        for (String accept : new String[] {"application/json", "garbage", "application/json; charset=ebcdic"}) {
            Answer answer = RawHttp.send(port, "GET /sample/gone HTTP/1.1", "Accept: " + accept);

            assertProblem(answer, 410);
        }
    }

    @Test
    void refusesAFractionWhereAWholeNumberIsExpected() throws Exception {
        Answer answer = post("/sample/items", "{\"sku\":\"tea\",\"quantity\":1.5}");

        assertProblem(answer, 400);
        JsonNode problem = body(answer);
        assertThat(problem.path("errors").path(0).path("field").asString()).isEqualTo("quantity");
        assertThat(problem.path("errors").path(0).path("message").asString()).isEqualTo("must be a whole number");
    }

    @Test
    void acceptsAWholeNumber() throws Exception {
        Answer answer = post("/sample/items", "{\"sku\":\"tea\",\"quantity\":2}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(body(answer).path("quantity").asInt()).isEqualTo(2);
    }

    private Answer post(String path, String json) throws Exception {
        byte[] content = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + content.length + "\r\n\r\n";
        var request = new ByteArrayOutputStream();
        request.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(content);
        return RawHttp.send(port, request.toByteArray());
    }

    private static JsonNode body(Answer answer) {
        return JSON.readTree(answer.body());
    }

    private static void assertProblem(Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
        JsonNode problem = body(answer);
        assertThat(problem.path("status").asInt()).as(answer.toString()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(answer.body()).doesNotContain("HTTP Status", "Exception", "at org.");
    }
}
