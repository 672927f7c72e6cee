package org.openenvelope.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends {@link ServiceMessage}s through the mail transport, From {@code openenvelope.mail.from} (by default
 * {@code no-reply@} the service's host), as text and HTML alternatives of the same words.
 */
@ApplicationScoped
public class ServiceMail {

    static final String DISPLAY_NAME = "Secure messages";

    @Inject
    @ConfigProperty(name = "openenvelope.mail.from")
    Optional<String> from;

    @Inject
    MailTransport transport;

    @Inject
    Clock clock;

    /** @throws MailTransportException when the relay does not take it */
    public void send(ServiceMessage message, String baseUrl) {
        try {
            InternetAddress recipient = new InternetAddress(message.to(), true);
            transport.send(compose(message, sender(baseUrl), clock), List.of(recipient));
        } catch (AddressException e) {
            throw new IllegalArgumentException("not an address: " + e.getMessage(), e);
        }
    }

    InternetAddress sender(String baseUrl) {
        try {
            String configured = from.map(String::strip).filter(f -> !f.isEmpty()).orElse(null);
            if (configured != null) {
                InternetAddress[] parsed = InternetAddress.parse(configured, true);
                if (parsed.length != 1) {
                    throw new IllegalStateException("openenvelope.mail.from must name one address");
                }
                return parsed[0];
            }
            return new InternetAddress("no-reply@" + URI.create(baseUrl).getHost(), DISPLAY_NAME, StandardCharsets.UTF_8.name());
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalStateException("openenvelope.mail.from is not an address: " + e.getMessage(), e);
        }
    }

    static MimeMessage compose(ServiceMessage message, InternetAddress sender, Clock clock) {
        try {
            MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
            mail.setFrom(sender);
            mail.setRecipient(Message.RecipientType.TO, new InternetAddress(message.to(), true));
            mail.setSubject(message.subject(), StandardCharsets.UTF_8.name());
            mail.setSentDate(Date.from(clock.instant()));
            // These are the service's own notices: auto-replies and vacation notices should not answer them.
            mail.setHeader("Auto-Submitted", "auto-generated");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(plainText(message), StandardCharsets.UTF_8.name());
            MimeBodyPart html = new MimeBodyPart();
            html.setText(html(message), StandardCharsets.UTF_8.name(), "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            mail.setContent(alternative);
            mail.saveChanges();
            return mail;
        } catch (MessagingException e) {
            throw new IllegalStateException("The message cannot be composed", e);
        }
    }

    static String plainText(ServiceMessage message) {
        StringBuilder text = new StringBuilder();
        for (String paragraph : message.paragraphs()) {
            text.append(paragraph).append("\r\n\r\n");
        }
        if (message.code() != null) {
            text.append("    ").append(message.code()).append("\r\n\r\n");
        }
        if (message.link() != null) {
            text.append(message.link().text()).append(":\r\n").append(message.link().url()).append("\r\n");
        }
        return text.toString();
    }

    static String html(ServiceMessage message) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:Arial,sans-serif;"
                + "font-size:15px;line-height:1.5;color:#1f2937;\">");
        for (String paragraph : message.paragraphs()) {
            html.append("<p>").append(escape(paragraph)).append("</p>");
        }
        if (message.code() != null) {
            html.append("<p style=\"font-size:28px;font-weight:bold;letter-spacing:6px;font-family:monospace;\">")
                    .append(escape(message.code())).append("</p>");
        }
        if (message.link() != null) {
            html.append("<p><a href=\"").append(escape(message.link().url())).append("\" style=\"display:inline-block;"
                    + "padding:10px 18px;background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px;\">")
                    .append(escape(message.link().text())).append("</a></p><p style=\"font-size:13px;color:#4b5563;\">")
                    .append(escape(message.link().url())).append("</p>");
        }
        return html.append("</body></html>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
