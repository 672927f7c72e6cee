package org.openenvelope.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.openenvelope.security.Caller;
import org.openenvelope.security.CurrentCaller;

/** What the portal template needs to know about the signed-in administrator. */
@Named("portal")
@RequestScoped
public class PortalBean {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Inject
    CurrentCaller currentCaller;

    public boolean isSignedIn() {
        return currentCaller.find().isPresent();
    }

    public String getCallerName() {
        return currentCaller.find().map(Caller::getName).orElse("");
    }

    public boolean isServiceAdministrator() {
        return currentCaller.find().map(Caller::isServiceAdministrator).orElse(false);
    }

    public String getOwnAccountNumber() {
        return currentCaller.find().map(Caller::accountNumber).orElse(null);
    }

    public String getNow() {
        return format(Instant.now());
    }

    /** Instants shown in one unambiguous form everywhere in the portal. */
    public String format(Instant instant) {
        return timestamp(instant);
    }

    /** The same form, for pages that are not Faces views. */
    public static String timestamp(Instant instant) {
        return instant == null ? "—" : TIMESTAMP.format(instant);
    }
}
