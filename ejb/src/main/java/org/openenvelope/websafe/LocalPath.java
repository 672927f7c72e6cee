package org.openenvelope.websafe;

/**
 * Where to send a user after sign-in or sign-out. Security: only a path on this service is followed, never a URL
 * (no open redirect through RelayState or ?next=): it must start with one "/", and contain no backslash, control
 * character or scheme-relative "//" that a browser would read as another host.
 */
public final class LocalPath {

    public static final String USER_PORTAL = "/websafe/";
    private static final int MAX_LENGTH = 512;

    private LocalPath() {
    }

    public static String orUserPortal(String candidate) {
        return isLocal(candidate) ? candidate : USER_PORTAL;
    }

    public static boolean isLocal(String candidate) {
        return candidate != null && candidate.length() <= MAX_LENGTH && candidate.startsWith("/")
                && !candidate.startsWith("//") && candidate.indexOf('\\') < 0
                && candidate.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }
}
