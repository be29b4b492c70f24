package com.example.shop.notification.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal SMTP server that takes {@code delay} to answer the end of a message, like a congested relay, and counts
 * the messages it accepted. Every other command is answered at once.
 */
final class SlowSmtp implements AutoCloseable {

    private final ServerSocket server;
    private final Duration delay;
    private final AtomicInteger accepted = new AtomicInteger();
    /** The recipient of every message whose data was fully received. */
    private final Queue<String> received = new ConcurrentLinkedQueue<>();
    /** Counted down on close, so a held reply ends with the server instead of holding a thread. */
    private final CountDownLatch closed = new CountDownLatch(1);

    SlowSmtp(Duration delay) {
        this.delay = delay;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Thread.ofPlatform().daemon().name("slow-smtp").start(this::acceptAll);
    }

    int port() {
        return server.getLocalPort();
    }

    /**
     * Messages to the recipient whose data the server has fully received, whether or not it answered before the
     * client gave up.
     */
    int received(String recipient) {
        return (int) received.stream().filter(recipient::equalsIgnoreCase).count();
    }

    /** Messages the server answered with 250 after their data. */
    int accepted() {
        return accepted.get();
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofPlatform().daemon().name("slow-smtp-session").start(() -> converse(socket));
            }
            catch (IOException ex) {
                return;
            }
        }
    }

    private void converse(Socket socket) {
        try (socket; var in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8)); OutputStream out = socket.getOutputStream()) {
            reply(out, "220 slow.test ESMTP");
            String line;
            String recipient = null;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 slow.test");
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            // the message itself is of no interest here
                        }
                        received.add(String.valueOf(recipient));
                        if (!closed.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                            reply(out, "250 queued");
                            accepted.incrementAndGet();
                        }
                    }
                    case "RCPT" -> {
                        recipient = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
                        reply(out, "250 OK");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 OK");
                }
            }
        }
        catch (IOException | InterruptedException ex) {
            // The client closed the connection (for example at its send deadline).
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        server.close();
    }
}
