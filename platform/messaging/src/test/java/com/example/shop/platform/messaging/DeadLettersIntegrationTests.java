package com.example.shop.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.example.shop.platform.testsupport.TestKafka;
import com.example.shop.platform.testsupport.TestPostgres;
import com.example.shop.platform.testsupport.TestTokens;
import com.example.shop.platform.testsupport.TopicRecorder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inspecting and redriving dead letters through {@code /actuator/deadletters}, behind the services' security,
 * with idempotent consumers on real PostgreSQL and Kafka. The test application says nothing about actuator
 * exposure: the endpoint is there because messaging adds it.
 */
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "shop.messaging.relay.enabled=false",
                "shop.messaging.consumer.retry-interval=50ms",
                "shop.messaging.consumer.max-retries=2",
                "spring.kafka.consumer.auto-offset-reset=earliest" })
@ActiveProfiles(FlakyInboxListener.PROFILE)
class DeadLettersIntegrationTests {

    static final String TOPIC = FlakyInboxListener.TOPIC;
    static final String FLAKY = FlakyInboxListener.FLAKY_GROUP;
    static final String STEADY = FlakyInboxListener.STEADY_GROUP;
    static final String DLT = "flaky-test-events.flaky-listener-dlt";
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private static TopicRecorder sourceTopic;

    @BeforeAll
    static void recordSourceTopic() {
        sourceTopic = new TopicRecorder(TOPIC);
    }

    @AfterAll
    static void stopRecording() {
        sourceTopic.close();
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "messaging_test");
        TestKafka.register(registry);
        TestTokens.register(registry);
    }

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    FlakyInboxListener listener;

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void breakTheFlakyConsumer() {
        listener.broken = true;
    }

    private String send(String subject) {
        String value = """
                {"id":"%s","type":"thing.happened.v1","source":"test","time":"2026-11-22T10:00:00Z","subject":"%s","data":{"n":1}}"""
                .formatted(UUID.randomUUID(), subject);
        kafka.send(TOPIC, subject, value).join();
        return value;
    }

    /** Sends an event that the flaky group fails on (and parks) while the steady group processes it. */
    private String deadLetter() {
        String subject = UUID.randomUUID().toString();
        send(subject);
        await().atMost(PATIENCE).until(() -> pendingKeys().contains(subject));
        return subject;
    }

    @Test
    void listsTheDeadLettersOfEachConsumerGroupWithWhereTheyCameFromAndWhy() throws Exception {
        String subject = deadLetter();

        JsonNode topics = get("/actuator/deadletters", TestTokens.admin()).body().get("topics");
        assertThat(topics.findValuesAsString("topic")).contains(DLT, TOPIC + "." + STEADY + "-dlt");
        JsonNode flaky = topic(topics, DLT);
        assertThat(flaky.get("sourceTopic").asString()).isEqualTo(TOPIC);
        assertThat(flaky.get("group").asString()).isEqualTo(FLAKY);
        assertThat(flaky.get("pending").asLong()).isPositive();
        JsonNode letter = letter(flaky, subject);
        assertThat(letter.get("originalTopic").asString()).isEqualTo(TOPIC);
        assertThat(letter.get("originalOffset").isNumber()).isTrue();
        assertThat(letter.get("group").asString()).isEqualTo(FLAKY);
        assertThat(letter.get("exceptionMessage").asString()).contains("the downstream system is broken");
        assertThat(letter.get("value").asString()).contains(subject);
        assertThat(topic(topics, TOPIC + "." + STEADY + "-dlt").get("count").asLong()).isZero();
        assertThat(get("/actuator/deadletters/" + DLT, TestTokens.admin()).body().get("topic").asString())
                .isEqualTo(DLT);
    }

    @Test
    void redrivesADeadLetterOnceAfterTheFaultIsFixedAndItsEffectHappensOnceInEveryGroup() throws Exception {
        String subject = deadLetter();
        assertThat(listener.effects(FLAKY, subject)).isZero();
        await().atMost(PATIENCE).until(() -> listener.effects(STEADY, subject) == 1);
        int failedDeliveries = listener.deliveries(FLAKY, subject);

        listener.broken = false;
        Response redrive = post("/actuator/deadletters/" + DLT, TestTokens.admin());

        assertThat(redrive.status()).isEqualTo(200);
        assertThat(redrive.body().get("redriven").asInt()).isPositive();
        assertThat(redrive.body().get("byTopic").get(TOPIC).asInt()).isPositive();
        await().atMost(PATIENCE).until(() -> listener.effects(FLAKY, subject) == 1);
        await().atMost(PATIENCE).until(() -> listener.deliveries(STEADY, subject) == 2);
        assertThat(listener.deliveries(FLAKY, subject)).isEqualTo(failedDeliveries + 1);
        assertThat(listener.effects(STEADY, subject)).as("the other group skips the copy").isEqualTo(1);

        var redriven = sourceTopic.withKey(subject).getLast();
        assertThat(header(redriven, DeadLetters.REDRIVEN_FROM)).startsWith(DLT + "/");
        assertThat(redriven.headers().toArray()).extracting(Header::key).noneMatch(key -> key.startsWith("kafka_dlt-"));
        assertThat(pendingKeys()).doesNotContain(subject);

        Response again = post("/actuator/deadletters/" + DLT, TestTokens.admin());

        assertThat(again.body().get("redriven").asInt()).isZero();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> listener.deliveries(FLAKY, subject) == failedDeliveries + 1);
        assertThat(listener.effects(FLAKY, subject)).isEqualTo(1);
        assertThat(listener.effects(STEADY, subject)).isEqualTo(1);
    }

    @Test
    void keepsDeadLettersFromCallersWithoutTheAdminRole() throws Exception {
        String customer = TestTokens.customer(UUID.randomUUID(), "ada@example.com");

        assertThat(get("/actuator/deadletters", null).status()).isEqualTo(401);
        assertThat(get("/actuator/deadletters", customer).status()).isEqualTo(403);
        assertThat(post("/actuator/deadletters/" + DLT, customer).status()).isEqualTo(403);
        assertThat(post("/actuator/deadletters/" + DLT, null).status()).isEqualTo(401);
        assertThat(get("/actuator/health", null).status()).isEqualTo(200);
    }

    @Test
    void answersNotFoundForATopicThatIsNotADeadLetterTopicOfTheService() throws Exception {
        Response response = post("/actuator/deadletters/" + TOPIC, TestTokens.admin());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body().get("detail").asString()).contains(DLT);
    }

    private java.util.List<String> pendingKeys() throws Exception {
        JsonNode report = get("/actuator/deadletters/" + DLT, TestTokens.admin()).body();
        return report == null || report.get("records") == null ? java.util.List.of()
                : report.get("records").findValuesAsString("key");
    }

    private static JsonNode topic(JsonNode topics, String name) {
        return StreamSupport.stream(topics.spliterator(), false)
                .filter(topic -> name.equals(topic.get("topic").asString())).findFirst().orElseThrow();
    }

    private static JsonNode letter(JsonNode topic, String key) {
        return StreamSupport.stream(topic.get("records").spliterator(), false)
                .filter(letter -> key.equals(letter.get("key").asString())).findFirst().orElseThrow();
    }

    private static String header(org.apache.kafka.clients.consumer.ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    record Response(int status, JsonNode body) {
    }

    private Response get(String path, String token) throws Exception {
        return exchange(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    private Response post(String path, String token) throws Exception {
        // Actuator's write operations take JSON; without a Content-Type they answer 415.
        return exchange(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()), token);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private Response exchange(HttpRequest.Builder request, String token) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isBlank() ? null : json.readTree(response.body());
        return new Response(response.statusCode(), body);
    }
}
