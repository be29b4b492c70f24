package com.example.shop.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;

/**
 * Reads what the SMTP server received, over IMAP (the local stack's GreenMail accepts any password and
 * keeps one mailbox per recipient).
 */
final class MailInbox {

    private static final String HOST = System.getProperty("e2e.imapHost", "localhost");
    private static final int PORT = Integer.getInteger("e2e.imapPort", 3143);

    record Mail(String subject, String body) {
    }

    private MailInbox() {
    }

    static List<Mail> messagesFor(String recipient) {
        Properties props = new Properties();
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "5000");
        Session session = Session.getInstance(props);
        try (Store store = session.getStore("imap")) {
            store.connect(HOST, PORT, recipient, "any");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<Mail> mails = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    mails.add(new Mail(message.getSubject(), text(message.getContent())));
                }
                return mails;
            }
            finally {
                inbox.close(false);
            }
        }
        catch (MessagingException | java.io.IOException ex) {
            throw new IllegalStateException("cannot read the mailbox of " + recipient + ": " + ex, ex);
        }
    }

    private static String text(Object content) throws MessagingException, java.io.IOException {
        if (content instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(text(multipart.getBodyPart(i).getContent()));
            }
            return text.toString();
        }
        return String.valueOf(content);
    }
}
