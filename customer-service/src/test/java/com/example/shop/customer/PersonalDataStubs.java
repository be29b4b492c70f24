package com.example.shop.customer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stand-ins for order-, cart-, loyalty-, notification- and shipping-service's
 * {@code GET /internal/customers/{id}/personal-data} on loopback, one HTTP server each. Each answers
 * {@code {"service":"<name>","data":{"customerId":"<id>"}}} unless a test makes it fail or hang.
 */
public final class PersonalDataStubs {

    /** How a stub answers. */
    public enum Mode {
        ANSWER, FAIL, HANG
    }

    private static final Pattern PATH = Pattern.compile("/internal/customers/([^/]+)/personal-data");
    private static PersonalDataStubs instance;

    private final Map<String, HttpServer> servers = new LinkedHashMap<>();
    private final Map<String, Mode> modes = new ConcurrentHashMap<>();

    private PersonalDataStubs() {
        for (String service : new String[] { "order-service", "cart-service", "loyalty-service", "notification-service",
                "shipping-service" }) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
                server.createContext("/internal/customers/", exchange -> handle(service, exchange));
                server.start();
                servers.put(service, server);
                modes.put(service, Mode.ANSWER);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    public static synchronized PersonalDataStubs instance() {
        if (instance == null) {
            instance = new PersonalDataStubs();
        }
        return instance;
    }

    public String url(String service) {
        return "http://127.0.0.1:" + servers.get(service).getAddress().getPort();
    }

    public void set(String service, Mode mode) {
        modes.put(service, mode);
    }

    /** Every stub answers again. */
    public void reset() {
        modes.replaceAll((service, mode) -> Mode.ANSWER);
    }

    private void handle(String service, HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher matcher = PATH.matcher(exchange.getRequestURI().getPath());
            Mode mode = modes.get(service);
            if (mode == Mode.HANG) {
                // Longer than the client's read timeout in the tests (1 s); the client gives up first.
                try {
                    TimeUnit.SECONDS.sleep(3);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
            if (!matcher.matches() || mode == Mode.FAIL) {
                exchange.sendResponseHeaders(matcher.matches() ? 500 : 404, -1);
                return;
            }
            byte[] body = """
                    {"service":"%s","data":{"customerId":"%s"}}""".formatted(service, matcher.group(1))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
