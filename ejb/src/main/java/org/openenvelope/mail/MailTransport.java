package org.openenvelope.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openenvelope.operations.ServiceLog;

/**
 * Outbound mail through the configured SMTP relay ({@code openenvelope.mail.smtp.*}: STARTTLS by default, TLS or
 * none). With no relay configured (the embedded default) each message is written as an {@code .eml} file under
 * {@code <data dir>/mail/outbox} instead and the log says where, so a first run works end to end. Neither the
 * password nor any message text is logged.
 */
@ApplicationScoped
public class MailTransport {

    private static final Logger LOG = ServiceLog.logger(MailTransport.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "openenvelope.mail.smtp.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "openenvelope.mail.smtp.port", defaultValue = "587")
    int port;

    /** {@code starttls} (required, the default), {@code tls} (implicit, port 465) or {@code none}. */
    @Inject
    @ConfigProperty(name = "openenvelope.mail.smtp.security", defaultValue = "starttls")
    String security;

    @Inject
    @ConfigProperty(name = "openenvelope.mail.smtp.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "openenvelope.mail.smtp.password")
    Optional<String> password;

    /** The SMTP envelope sender (bounces go there); without it, the message's From. */
    @Inject
    @ConfigProperty(name = "openenvelope.mail.envelope-from")
    Optional<String> envelopeFrom;

    @Inject
    @ConfigProperty(name = "openenvelope.mail.timeout-seconds", defaultValue = "30")
    int timeoutSeconds;

    @Inject
    @ConfigProperty(name = "openenvelope.data.dir")
    String dataDir;

    @Inject
    Clock clock;

    /**
     * Delivers the message to these recipients (the SMTP envelope: they may differ from its header, e.g. Bcc).
     *
     * @throws MailTransportException when the relay cannot be reached or refuses the message
     */
    public void send(MimeMessage message, List<? extends Address> recipients) {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a message needs at least one recipient");
        }
        Optional<String> relay = host.map(String::strip).filter(h -> !h.isEmpty());
        if (relay.isEmpty()) {
            writeToOutbox(message, recipients.size());
            return;
        }
        Session session = Session.getInstance(properties(relay.get()));
        try (Transport transport = session.getTransport(security.equals("tls") ? "smtps" : "smtp")) {
            transport.connect(relay.get(), port, user.filter(u -> !u.isBlank()).orElse(null), password.orElse(null));
            transport.sendMessage(message, recipients.toArray(Address[]::new));
        } catch (MessagingException e) {
            throw new MailTransportException("The mail relay " + relay.get() + ":" + port + " did not take the message: "
                    + e.getMessage(), e);
        }
    }

    /** Where messages go without a relay. */
    public Path outbox() {
        return Path.of(dataDir, "mail", "outbox").toAbsolutePath().normalize();
    }

    private Properties properties(String relay) {
        String protocol = security.equals("tls") ? "smtps" : "smtp";
        Properties properties = new Properties();
        properties.put("mail." + protocol + ".host", relay);
        properties.put("mail." + protocol + ".port", String.valueOf(port));
        properties.put("mail." + protocol + ".auth", String.valueOf(user.filter(u -> !u.isBlank()).isPresent()));
        properties.put("mail." + protocol + ".connectiontimeout", String.valueOf(timeoutSeconds * 1000));
        properties.put("mail." + protocol + ".timeout", String.valueOf(timeoutSeconds * 1000));
        properties.put("mail." + protocol + ".writetimeout", String.valueOf(timeoutSeconds * 1000));
        switch (security) {
            case "starttls" -> {
                properties.put("mail.smtp.starttls.enable", "true");
                properties.put("mail.smtp.starttls.required", "true");
                properties.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case "tls" -> properties.put("mail.smtps.ssl.checkserveridentity", "true");
            case "none" -> {
            }
            default -> throw new IllegalStateException("openenvelope.mail.smtp.security is \"" + security
                    + "\"; it must be starttls, tls or none");
        }
        envelopeFrom.filter(f -> !f.isBlank()).ifPresent(from -> properties.put("mail." + protocol + ".from", from));
        return properties;
    }

    private void writeToOutbox(MimeMessage message, int recipients) {
        Path directory = outbox();
        byte[] suffix = new byte[4];
        RANDOM.nextBytes(suffix);
        Path file = directory.resolve(FILE_TIME.format(clock.instant()) + "-" + HexFormat.of().formatHex(suffix) + ".eml");
        try {
            Files.createDirectories(directory);
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                message.writeTo(out);
            }
        } catch (IOException | MessagingException e) {
            throw new MailTransportException("The message could not be written to the outbox " + directory + ": "
                    + e.getMessage(), e);
        }
        LOG.info(() -> "No SMTP relay is configured (openenvelope.mail.smtp.host): a message for " + recipients
                + " recipient(s) was written to " + file);
    }
}
