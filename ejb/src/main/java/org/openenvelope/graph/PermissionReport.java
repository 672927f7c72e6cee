package org.openenvelope.graph;

import java.io.Serializable;
import java.util.List;

/**
 * What Test connection found: a token was issued, and which of the application permissions the service needs are
 * granted. {@code consentGranted} is false when the token carries no application permission at all.
 */
public record PermissionReport(boolean consentGranted, List<Permission> permissions) {

    /** The Microsoft Graph application permissions the add-in flows use, with what each is for. */
    public static final List<String> REQUIRED = List.of("Mail.Read", "Mail.ReadWrite", "Mail.Send", "User.Read.All");

    public record Permission(String name, boolean granted, String neededFor, String whatToDo) implements Serializable {
    }

    public boolean allGranted() {
        return permissions.stream().allMatch(Permission::granted);
    }

    static PermissionReport of(AccessToken token) {
        List<Permission> permissions = REQUIRED.stream().map(name -> {
            boolean granted = token.roles().contains(name);
            return new Permission(name, granted, neededFor(name), granted ? null
                    : "In Entra ID → App registrations → the app → API permissions: Add a permission → Microsoft Graph →"
                    + " Application permissions → " + name + ", then Grant admin consent.");
        }).toList();
        return new PermissionReport(!token.roles().isEmpty(), permissions);
    }

    private static String neededFor(String permission) {
        return switch (permission) {
            case "Mail.Read" -> "reading the draft the sender wants encrypted";
            case "Mail.ReadWrite" -> "removing the draft once its encrypted copy is sent";
            case "Mail.Send" -> "sending the encrypted message as the sender";
            case "User.Read.All" -> "finding the sender's mailbox by address";
            default -> "";
        };
    }
}
