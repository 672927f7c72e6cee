package org.openenvelope.recipient;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openenvelope.mail.ServiceMessage;

/**
 * The words of the messages recipients get from the service. Each says who sent the envelope they are opening, so
 * that an unexpected one is recognised as such; none carries anything of the message itself.
 */
final class RecipientMails {

    /** The page a mailed link opens: it only shows a form, the person's POST from it uses the token up. */
    static final String PASSWORD_PAGE = "/envelope/password";

    private RecipientMails() {
    }

    static ServiceMessage code(String address, String code, String sender, String accountName) {
        return new ServiceMessage(address, "Your code to open a secure message", List.of(
                "Use this code to open the secure message " + sender + " sent you through " + accountName + ".",
                "It works once, within 15 minutes. If you did not ask for it, ignore this message: nobody can open"
                        + " the secure message without it."), spaced(code), null);
    }

    static ServiceMessage registration(String address, String token, String sender, String baseUrl) {
        return new ServiceMessage(address, "Set up your password for secure messages", List.of(
                "You asked to set up a password for " + address + " to open secure messages such as the one " + sender
                        + " sent you.",
                "The link works once, within 24 hours. If you did not ask for it, ignore this message."),
                null, new ServiceMessage.Link("Choose your password", link(baseUrl, token)));
    }

    static ServiceMessage alreadyRegistered(String address, String baseUrl) {
        return new ServiceMessage(address, "You already have a password for secure messages", List.of(
                "Someone asked to set up a password for " + address + " at " + URI.create(baseUrl).getHost()
                        + ", but this address has one already.",
                "Sign in with it; if you forgot it, choose \u201cForgot your password?\u201d on the sign-in page. If you did"
                        + " not ask for this, ignore this message: nothing was changed."), null, null);
    }

    static ServiceMessage passwordReset(String address, String token, String baseUrl) {
        return new ServiceMessage(address, "Choose a new password for secure messages", List.of(
                "You asked to choose a new password for " + address + ".",
                "The link works once, within an hour. If you did not ask for it, ignore this message: your password"
                        + " stays as it is."), null, new ServiceMessage.Link("Choose a new password", link(baseUrl, token)));
    }

    static String link(String baseUrl, String token) {
        return baseUrl + PASSWORD_PAGE + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /** 1234 5678: easier to read and type back. */
    private static String spaced(String code) {
        return code.substring(0, 4) + " " + code.substring(4);
    }
}
