package org.openenvelope.template;

import java.util.Arrays;
import java.util.Locale;
import org.openenvelope.error.InvalidValueException;

/** A language as the API and the portal name it: en, de, fr. */
final class Languages {

    private Languages() {
    }

    /** @throws InvalidValueException naming {@code language} when it is none of the template languages */
    static TemplateLanguage of(String code) {
        try {
            return TemplateLanguage.valueOf(code == null ? "" : code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("language", "language must be one of " + Arrays.stream(TemplateLanguage.values())
                    .map(l -> l.name().toLowerCase(Locale.ROOT)).toList() + ".");
        }
    }
}
