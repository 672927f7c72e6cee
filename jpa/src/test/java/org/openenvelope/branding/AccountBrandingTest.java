package org.openenvelope.branding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openenvelope.account.Account;
import org.openenvelope.error.RejectedValuesException;
import org.openenvelope.error.ValueProblem;
import org.openenvelope.testing.TestAccounts;

class AccountBrandingTest {

    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");

    @Test
    void contrastIsWcagArithmetic() {
        assertEquals(21.0, Colour.parse("#000000").contrastWith(Colour.parse("#FFFFFF")), 0.001);
        assertEquals(1.0, Colour.parse("#777777").contrastWith(Colour.parse("#777777")), 0.001);
        // the service's own brand passes with room; a yellow does not
        assertTrue(Brand.STANDARD_BRAND.contrastWith(Brand.BUTTON_TEXT) > 6.5);
        assertTrue(Colour.parse("#ffdd00").contrastWith(Brand.BUTTON_TEXT) < 1.5);
        assertTrue(Brand.STANDARD_BACKGROUND.contrastWith(Brand.MUTED_TEXT) >= Brand.MIN_CONTRAST);
    }

    @Test
    void coloursAreSixHexDigitsAndWrittenInLowerCase() {
        assertEquals("#7a1f3d", Colour.parse(" #7A1F3D ").hex());
        for (String bad : new String[] {null, "", "7a1f3d", "#7a1f3", "#7a1f3d0", "red", "#7a1f3g", "#7a1f3d;}"}) {
            assertNull(Colour.parse(bad), bad);
        }
    }

    @Test
    void everyProblemIsNamedAtOnceAndNothingChanges() {
        AccountBranding branding = new AccountBranding(TestAccounts.account());
        branding.change(new BrandChoice("Contoso Secure", "#7a1f3d", "#faf7f2"), "ada", T0);
        RejectedValuesException refused = assertThrows(RejectedValuesException.class, () -> branding.change(
                new BrandChoice("x".repeat(101), "#ffdd00", "#222222"), "bob", T0));
        assertEquals(List.of("displayName", "brandColour", "backgroundColour"),
                refused.problems().stream().map(ValueProblem::field).toList());
        assertTrue(refused.problems().get(1).message().contains("too light"), refused.problems().get(1).message());
        assertTrue(refused.problems().get(2).message().contains("too dark"), refused.problems().get(2).message());
        assertEquals("Contoso Secure", branding.brand().displayName(), "nothing changed");
        assertEquals("#7a1f3d", branding.brand().brandColour().hex());
        assertEquals("ada", branding.getUpdatedBy());
    }

    @Test
    void missingAndMalformedColoursAreToldApart() {
        AccountBranding branding = new AccountBranding(TestAccounts.account());
        RejectedValuesException refused = assertThrows(RejectedValuesException.class, () -> branding.change(
                new BrandChoice(null, null, "navy"), "ada", T0));
        assertEquals("The brand colour is required.", refused.problems().get(0).message());
        assertTrue(refused.problems().get(1).message().contains("six hexadecimal digits"));
    }

    @Test
    void aDisplayNameIsOneLineAndBlankMeansTheAccountsName() {
        Account account = TestAccounts.account();
        AccountBranding branding = new AccountBranding(account);
        assertEquals("displayName", assertThrows(RejectedValuesException.class, () -> branding.change(
                new BrandChoice("Contoso\r\nBcc: x@evil.example", "#0b5cad", "#ffffff"), "ada", T0))
                .problems().get(0).field());
        branding.change(new BrandChoice("   ", "#0b5cad", "#ffffff"), "ada", T0);
        assertNull(branding.getDisplayName());
        assertEquals(account.getName(), branding.brand().displayName());
    }

    @Test
    void theLogoIsKeptWithItsTypeAndDigestAndCanBeRemoved() {
        AccountBranding branding = new AccountBranding(TestAccounts.account());
        Logo logo = new Logo(Logo.PNG, new byte[] {1, 2, 3}, "ab".repeat(32));
        branding.replaceLogo(logo, "ada", T0);
        assertEquals(logo, branding.brand().logo());
        branding.replaceLogo(null, "ada", T0);
        assertNull(branding.brand().logo());
    }

    @Test
    void theCssCarriesOnlyHexValues() {
        Brand brand = new Brand("x", Colour.parse("#7a1f3d"), Colour.parse("#faf7f2"), null);
        assertEquals(":root{--brand:#7a1f3d;--brand-dark:#621931;--canvas:#faf7f2}", brand.cssVariables());
    }
}
