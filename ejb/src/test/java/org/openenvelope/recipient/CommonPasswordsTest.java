package org.openenvelope.recipient;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CommonPasswordsTest {

    @Test
    void theBundledListKnowsCommonLongPasswordsWhateverTheirCase() {
        assertTrue(CommonPasswords.contains("password1234".toCharArray()));
        assertTrue(CommonPasswords.contains("PasswordPassword".toCharArray()));
        assertTrue(CommonPasswords.contains("qwerty123456".toCharArray()));
        assertFalse(CommonPasswords.contains("a long guarded passphrase".toCharArray()));
    }
}
