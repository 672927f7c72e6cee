package org.openenvelope.account;

import java.util.HashMap;
import java.util.Map;
import org.openenvelope.error.ServiceException;
import org.openenvelope.portal.FormErrors;

/**
 * Shows a service refusal on an admin page through {@link FormErrors}, next to the field it names.
 *
 * <p>{@code FormErrors.show} looks the refusal's field up in the map it is given; refusals without a field
 * (not found, access denied, a bulk rejection) look up {@code null}, which immutable maps ({@code Map.of}) refuse
 * with a NullPointerException. This hands it a copy that answers {@code null} instead. Remove it once
 * {@code FormErrors} guards against the missing field itself.
 */
public final class Refusals {

    private Refusals() {
    }

    /** @param fields service field name → component id, as for {@link FormErrors#show(ServiceException, Map)} */
    public static void show(ServiceException refusal, Map<String, String> fields) {
        FormErrors.show(refusal, new HashMap<>(fields));
    }

    public static void show(ServiceException refusal) {
        show(refusal, Map.of());
    }
}
