package com.example.shop.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for one backend service: a real HTTP server on loopback that records what reached it and answers
 * with JSON naming itself. Paths ending in {@code /missing} get the service's own 404 problem, in {@code /boom}
 * its own 500, in {@code /bare} a 400 with no body at all; {@code ?delayMs=N} answers only after N ms, to play
 * a slow service.
 */
final class FakeService {

    /** What the service received. */
    record Received(String method, String path, String authorization, String requestId, String traceParent) {
    }

    private final String name;
    private final HttpServer server;
    private final ScheduledExecutorService delayed = Executors.newSingleThreadScheduledExecutor();
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

    private FakeService(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    static FakeService start(String name) {
        return new FakeService(name);
    }

    /** An address on loopback where nothing listens, so connections are refused. */
    static String closedPortUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> receivedOn(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        URI uri = exchange.getRequestURI();
        String path = uri.getPath();
        received.add(new Received(exchange.getRequestMethod(), path,
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("X-Request-Id"),
                exchange.getRequestHeaders().getFirst("traceparent")));
        long delayMs = delayOf(uri.getQuery());
        if (delayMs > 0) {
            delayed.schedule(() -> answer(exchange, path), delayMs, TimeUnit.MILLISECONDS);
        }
        else {
            answer(exchange, path);
        }
    }

    private void answer(HttpExchange exchange, String path) {
        try (exchange) {
            if (path.endsWith("/missing")) {
                send(exchange, 404, "application/problem+json", """
                        {"type":"about:blank","title":"Not Found","status":404,"detail":"%s has no such thing."}"""
                        .formatted(name));
            }
            else if (path.endsWith("/bare")) {
                // A 4xx with no body at all, as some servers send: the gateway must pass it on as it is.
                exchange.sendResponseHeaders(400, -1);
            }
            else if (path.endsWith("/boom")) {
                send(exchange, 500, "application/problem+json", """
                        {"type":"about:blank","title":"Internal Server Error","status":500,"detail":"%s broke."}"""
                        .formatted(name));
            }
            else {
                send(exchange, 200, "application/json", """
                        {"service":"%s","path":"%s"}""".formatted(name, path));
            }
        }
        catch (IOException ex) {
            // The gateway gave up waiting and closed the connection: expected for the slow-service tests.
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static long delayOf(String query) {
        if (query == null) {
            return 0;
        }
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2 && kv[0].equals("delayMs")) {
                return Long.parseLong(kv[1]);
            }
        }
        return 0;
    }

    void stop() {
        server.stop(0);
        delayed.shutdownNow();
    }

    @Override
    public String toString() {
        return name + "@" + url();
    }
}
