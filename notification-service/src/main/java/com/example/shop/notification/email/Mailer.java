package com.example.shop.notification.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands e-mails to the SMTP server, each within {@link NotificationProperties#sendTimeout()}: the SMTP connection
 * is closed by force when the send timeout runs out, so an attempt never outlives its lease.
 */
@Component
public class Mailer {

    private final JavaMailSender sender;
    private final String from;

    Mailer(JavaMailSender sender, NotificationProperties properties) {
        this.sender = sender;
        this.from = properties.from();
        if (!(sender instanceof JavaMailSenderImpl impl)) {
            throw new IllegalStateException("The send deadline needs Spring's JavaMailSenderImpl, not " + sender);
        }
        // An object, not a class name, so it cannot come from application.yml. Without fallback JavaMail never
        // retries the connection on a plain socket that would have no deadline.
        impl.getJavaMailProperties().put("mail.smtp.socketFactory", new DeadlineSocketFactory(properties.sendTimeout()));
        impl.getJavaMailProperties().put("mail.smtp.socketFactory.fallback", "false");
    }

    /**
     * Sends the notification's e-mail, as text and HTML alternatives when it has both, with a Message-ID derived
     * from the notification id, so every attempt for one notification carries the same Message-ID and a resend can
     * be recognised as such. A mail with an unsubscribe link also carries it as {@code List-Unsubscribe} with
     * one-click {@code List-Unsubscribe-Post} (RFC 8058), so mail clients can offer their own button.
     *
     * @throws MailException when the SMTP server is unreachable or refuses the message
     */
    public void send(Notification notification) {
        MimeMessage message = sender.createMimeMessage();
        EmailContent content = notification.content();
        try {
            boolean alternatives = content.html() != null;
            var helper = new MimeMessageHelper(message, alternatives, "UTF-8");
            helper.setFrom(from);
            helper.setTo(notification.recipient());
            helper.setSubject(content.subject());
            if (alternatives) {
                helper.setText(content.text(), content.html());
            }
            else {
                helper.setText(content.text(), false);
            }
            if (notification.unsubscribeUrl() != null) {
                message.setHeader("List-Unsubscribe", "<" + notification.unsubscribeUrl() + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            // JavaMailSenderImpl keeps an explicitly set Message-ID instead of generating a random one.
            message.setHeader("Message-ID", messageId(notification.id()));
        }
        catch (MessagingException ex) {
            throw new MailPreparationException(ex);
        }
        sender.send(message);
    }

    public static String messageId(NotificationId id) {
        return "<" + id + "@notification-service.shop.local>";
    }
}
