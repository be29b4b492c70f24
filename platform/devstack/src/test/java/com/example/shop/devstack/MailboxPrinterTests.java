package com.example.shop.devstack;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Against a real GreenMail server: SMTP in, IMAP out, as ./shop runs it. */
class MailboxPrinterTests {

    private final GreenMail mail = new GreenMail(new ServerSetup[] { ServerSetup.SMTP.dynamicPort(),
            ServerSetup.IMAP.dynamicPort() });

    @BeforeEach
    void start() {
        mail.setUser("ada@example.com", "any");
        mail.start();
    }

    @AfterEach
    void stop() {
        mail.stop();
    }

    @Test
    void printsSubjectAndDecodedTextOfEachMailAndNoMimeSource() throws Exception {
        send("Welcome to our shop", "Hello Ada,\nwelcome.");
        // Non-ASCII text travels quoted-printable or base64; the reader must see it decoded.
        send("Your order 88bbc3d9 is confirmed", "Grüße, Ada: total 197,90 €\n" + "x".repeat(1000));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int count = MailboxPrinter.print("127.0.0.1", mail.getImap().getPort(), "ada@example.com",
                new PrintStream(out, true, StandardCharsets.UTF_8));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(count).isEqualTo(2);
        assertThat(printed).contains("--- e-mail 1 of 2 ---", "Subject: Welcome to our shop", "Hello Ada,\nwelcome.")
                .contains("--- e-mail 2 of 2 ---", "Subject: Your order 88bbc3d9 is confirmed",
                        "Grüße, Ada: total 197,90 €")
                .contains("From:    Shop <orders@shop.local>")
                .doesNotContain("Content-Transfer-Encoding", "MIME-Version", "<p>", "=C3=BC");
    }

    private void send(String subject, String text) throws Exception {
        Session session = mail.getSmtp().createSession();
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("orders@shop.local", "Shop"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("ada@example.com"));
        message.setSubject(subject, "UTF-8");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>" + text + "</p>", "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative", plain, html);
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        message.setContent(new MimeMultipart("mixed", body));
        jakarta.mail.Transport.send(message);
    }
}
