package com.example.shop.shipping.shipments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.example.shop.platform.testsupport.TestKafka;
import com.example.shop.platform.testsupport.TestPostgres;
import com.example.shop.platform.testsupport.TestTokens;
import com.example.shop.shipping.ShippingApi;
import com.example.shop.shipping.ShippingApi.Response;

/** Bad input is a 400 problem, never a 5xx, and never reaches the carrier (none is running here). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shop.carrier.url=http://127.0.0.1:9",
        "shop.shipping.tracking.enabled=false"})
class ShipmentRequestValidationIntegrationTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "shipping_validation");
        TestKafka.register(registry);
        TestTokens.register(registry);
    }

    @LocalServerPort
    int port;

    ShippingApi api;

    @BeforeEach
    void client() {
        api = new ShippingApi(port);
    }

    private static final String ADDRESS = """
            {"name":"Ada","line1":"Damrak 1","city":"Amsterdam","postalCode":"1012 AB","country":"NL"}""";

    @ParameterizedTest
    @ValueSource(strings = {
            "not json",
            "[]",
            "{}",
            "{\"weightGrams\":1200,\"address\":" + ADDRESS + "}",
            "{\"orderId\":\"not-a-uuid\",\"weightGrams\":1200,\"address\":" + ADDRESS + "}",
            "{\"orderId\":\"0b6c2f7e-1d2a-4c3b-9e8f-7a6b5c4d3e2f\",\"address\":" + ADDRESS + "}",
            "{\"orderId\":\"0b6c2f7e-1d2a-4c3b-9e8f-7a6b5c4d3e2f\",\"weightGrams\":0,\"address\":" + ADDRESS + "}",
            "{\"orderId\":\"0b6c2f7e-1d2a-4c3b-9e8f-7a6b5c4d3e2f\",\"weightGrams\":-5,\"address\":" + ADDRESS + "}",
            "{\"orderId\":\"0b6c2f7e-1d2a-4c3b-9e8f-7a6b5c4d3e2f\",\"weightGrams\":99999999999,\"address\":" + ADDRESS + "}",
            "{\"orderId\":\"0b6c2f7e-1d2a-4c3b-9e8f-7a6b5c4d3e2f\",\"weightGrams\":\"heavy\",\"address\":" + ADDRESS + "}",
            "{\"orderId\":\"0b6c2f7e-1d2a-4c3b-9e8f-7a6b5c4d3e2f\",\"weightGrams\":1200}",
            "{\"orderId\":\"0b6c2f7e-1d2a-4c3b-9e8f-7a6b5c4d3e2f\",\"weightGrams\":1200,\"address\":{\"name\":\"Ada\",\"line1\":\"Damrak 1\",\"city\":\"Amsterdam\",\"postalCode\":\"1012 AB\",\"country\":\"Netherlands\"}}",
            "{\"orderId\":\"0b6c2f7e-1d2a-4c3b-9e8f-7a6b5c4d3e2f\",\"weightGrams\":1200,\"address\":{\"name\":\"\",\"line1\":\"Damrak 1\",\"city\":\"Amsterdam\",\"postalCode\":\"1012 AB\",\"country\":\"NL\"}}",
            "{\"orderId\":\"0b6c2f7e-1d2a-4c3b-9e8f-7a6b5c4d3e2f\",\"weightGrams\":1200,\"address\":{\"name\":\"Ada\",\"line1\":\"Damrak 1\",\"city\":\"Amsterdam\",\"country\":\"NL\"}}",
    })
    void rejectsAMalformedShipmentRequestWith400Problem(String body) {
        Response response = api.post("/internal/shipments", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "{\"weightGrams\":1200}",
            "{\"weightGrams\":0,\"destination\":{\"country\":\"NL\",\"postalCode\":\"1012 AB\"}}",
            "{\"weightGrams\":1200,\"destination\":{\"country\":\"NLD\",\"postalCode\":\"1012 AB\"}}",
            "{\"weightGrams\":1200,\"destination\":{\"country\":\"NL\"}}",
            "{\"weightGrams\":1200,\"destination\":\"NL\"}",
    })
    void rejectsAMalformedQuoteRequestWith400Problem(String body) {
        Response response = api.quotes(body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @org.junit.jupiter.api.Test
    void rejectsAShipmentReadWithAnOrderIdThatIsNoUuidWith400() {
        assertThat(api.get("/internal/shipments/not-a-uuid").status()).isEqualTo(400);
    }
}
