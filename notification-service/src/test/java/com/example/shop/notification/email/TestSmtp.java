package com.example.shop.notification.email;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real SMTP server (GreenMail) per test JVM on a free loopback port. The port stays the same across
 * {@link #stop()} and {@link #start()}, so a test can take SMTP down and bring it back under the running service.
 */
final class TestSmtp {

    private static GreenMail server;
    private static int port;

    private TestSmtp() {
    }

    /** Points {@code spring.mail.host} and {@code spring.mail.port} at the server, starting it on first use. */
    static synchronized void register(DynamicPropertyRegistry registry) {
        if (port == 0) {
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            start();
            Runtime.getRuntime().addShutdownHook(new Thread(TestSmtp::stop));
        }
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> port);
    }

    static synchronized void start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Every message the server has received for the address, across restarts of the same server only. */
    static synchronized List<MimeMessage> messagesTo(String recipient) {
        if (server == null) {
            return List.of();
        }
        return Arrays.stream(server.getReceivedMessages()).filter(message -> isFor(message, recipient)).toList();
    }

    private static boolean isFor(MimeMessage message, String recipient) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(address -> address.toString().equalsIgnoreCase(recipient));
        }
        catch (MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
