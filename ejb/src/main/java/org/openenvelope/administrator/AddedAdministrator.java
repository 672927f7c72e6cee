package org.openenvelope.administrator;

/**
 * A newly added administrator and the one-time password to hand over. The password is not stored anywhere in
 * clear and cannot be shown again; the administrator must replace it at first sign-in.
 */
public record AddedAdministrator(AdministratorView administrator, String initialPassword) {

    @Override
    public String toString() {
        return "AddedAdministrator[" + administrator + ", initialPassword=(hidden)]";
    }
}
