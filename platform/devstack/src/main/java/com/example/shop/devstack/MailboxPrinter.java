package com.example.shop.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;

/**
 * Prints the e-mails in one mailbox of an IMAP server as a person reads them: sender, recipient, date,
 * subject and the plain-text body, decoded (no MIME source). For the local mail server, where every recipient
 * has a mailbox and any password is accepted.
 *
 * <p>Usage: {@code MailboxPrinter HOST PORT ADDRESS}. Uses the Jakarta Mail that GreenMail runs on.
 */
public final class MailboxPrinter {

    public static void main(String[] args) throws MessagingException, IOException {
        if (args.length != 3) {
            System.err.println("usage: MailboxPrinter HOST PORT ADDRESS");
            System.exit(2);
        }
        int count = print(args[0], Integer.parseInt(args[1]), args[2], System.out);
        if (count == 0) {
            System.out.println("(no e-mails for " + args[2] + ")");
        }
    }

    /** Prints every message in the INBOX of {@code address}, oldest first; returns how many there were. */
    static int print(String host, int port, String address, PrintStream out) throws MessagingException, IOException {
        Properties properties = new Properties();
        properties.setProperty("mail.imap.connectiontimeout", "5000");
        properties.setProperty("mail.imap.timeout", "5000");
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect(host, port, address, "any");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                Message[] messages = inbox.getMessages();
                for (int i = 0; i < messages.length; i++) {
                    Message message = messages[i];
                    out.printf("--- e-mail %d of %d ---%n", i + 1, messages.length);
                    out.println("From:    " + join(message.getFrom()));
                    out.println("To:      " + join(message.getRecipients(Message.RecipientType.TO)));
                    out.println("Date:    " + message.getSentDate());
                    out.println("Subject: " + message.getSubject());
                    out.println();
                    out.println(plainText(message).orElse("(no plain-text part)").replace("\r\n", "\n").strip());
                    out.println();
                }
                return messages.length;
            }
            finally {
                inbox.close(false);
            }
        }
        finally {
            store.close();
        }
    }

    /** The first text/plain part, however deep in multipart/mixed and multipart/alternative it sits. */
    private static Optional<String> plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return Optional.of(part.getContent().toString());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                Optional<String> text = plainText(multipart.getBodyPart(i));
                if (text.isPresent()) {
                    return text;
                }
            }
        }
        return Optional.empty();
    }

    private static String join(Address[] addresses) {
        if (addresses == null) {
            return "";
        }
        StringBuilder joined = new StringBuilder();
        for (Address address : addresses) {
            joined.append(joined.isEmpty() ? "" : ", ").append(address);
        }
        return joined.toString();
    }

    private MailboxPrinter() {
    }
}
