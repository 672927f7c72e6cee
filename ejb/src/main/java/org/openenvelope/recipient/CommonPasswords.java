package org.openenvelope.recipient;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The most common passwords from breaches (of the length a recipient's password may have at all), bundled:
 * {@code common-passwords.txt}, made by {@code ejb/vendor-passwords.sh}. A match ignores case.
 */
public final class CommonPasswords {

    private static final Set<String> COMMON = load();

    private CommonPasswords() {
    }

    public static boolean contains(char[] password) {
        return COMMON.contains(new String(password).toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        try (InputStream in = CommonPasswords.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the build");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
