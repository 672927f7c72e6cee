package org.openenvelope.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openenvelope.error.RejectedValuesException;
import org.openenvelope.error.ValueProblem;
import org.openenvelope.branding.Brand;
import org.openenvelope.branding.Colour;
import org.openenvelope.branding.Logo;
import static org.junit.jupiter.api.Assertions.assertNull;

class WordingsTest {

    private static final NotificationValues VALUES = new NotificationValues("Alice <alice@contoso.example>",
            "Contoso & Partners", "Q3 <draft>", "securedoc_20261207T091500.html", "envelope.example.com",
            Instant.parse("2026-12-31T17:00:00Z"), "https://envelope.example.com/envelope/open?envelope=abc");
    private static final Brand BRAND = Brand.standard("Contoso & Partners");

    @ParameterizedTest
    @EnumSource(TemplateLanguage.class)
    void theServicesWordingInEveryLanguageUsesOnlyKnownPlaceholdersAndPassesItsOwnChecks(TemplateLanguage language) {
        NotificationWording standard = Wordings.standard(language);
        assertEquals(standard.html(), Wordings.checked(standard).html(), "nothing of it is removed");
        RenderedNotification rendered = Wordings.render(standard, language, VALUES, BRAND);
        assertFalse(rendered.text().contains("{") || rendered.html().contains("{"), rendered.text());
        assertEquals("Q3 <draft>", rendered.subject(), "the original's subject by default");
    }

    @Test
    void anUnknownPlaceholderIsRefusedByNameInEachFieldAndAnEmptyFieldToo() {
        RejectedValuesException refused = assertThrows(RejectedValuesException.class, () -> Wordings.checked(
                new NotificationWording("[Secure] {subjekt}", "", "<p>{sender} via {acount}</p>")));
        assertEquals(List.of("subject", "text", "html"), refused.problems().stream().map(ValueProblem::field).toList());
        assertTrue(refused.problems().get(0).message().startsWith("{subjekt} is not a placeholder."),
                refused.problems().get(0).message());
        assertTrue(refused.problems().get(2).message().contains("{account}"), "the known ones are listed");
        assertEquals("subject", assertThrows(RejectedValuesException.class, () -> Wordings.checked(
                new NotificationWording("two\nlines", "t", "<p>h</p>"))).problems().get(0).field());
    }

    @Test
    void theHtmlKeepsFormattingAndLinksWithPlaceholdersAndLosesScripts() {
        NotificationWording kept = Wordings.checked(new NotificationWording("{subject}", "{sender}",
                "<p style=\"color:#333\"><b>{sender}</b> <a href=\"{open_link}\">Open</a></p>"
                        + "<script>alert(1)</script><img src=\"https://tracker.example/p.png\"><p onclick=\"x()\">x</p>"));
        assertEquals("<p style=\"color:#333\"><b>{sender}</b> <a href=\"{open_link}\">Open</a></p><p>x</p>", kept.html());
    }

    @Test
    void valuesAreEscapedInHtmlAndKeptOnOneLineInTheSubject() {
        RenderedNotification rendered = Wordings.render(new NotificationWording("[Secure] {subject} from {account}",
                "{sender} until {expiry}", "<p>{account}: {subject}</p>"), TemplateLanguage.EN, new NotificationValues(
                "Alice <alice@contoso.example>", "Contoso & Partners", "Q3\r\nBcc: x@evil.example", "f.html",
                "envelope.example.com", null, "https://envelope.example.com/x"), BRAND);
        assertEquals("[Secure] Q3 Bcc: x@evil.example from Contoso & Partners", rendered.subject());
        assertEquals("Alice <alice@contoso.example> until no set date", rendered.text());
        assertTrue(rendered.html().contains("<p>Contoso &amp; Partners: Q3"), rendered.html());
    }

    @Test
    void theExpiryIsWrittenInTheWordingsLanguage() {
        assertTrue(Wordings.render(new NotificationWording("s", "{expiry}", "<p>x</p>"), TemplateLanguage.DE, VALUES, BRAND)
                .text().equals("31. Dezember 2026, 17:00 UTC"));
        assertEquals("31 décembre 2026, 17:00 UTC", Wordings.render(new NotificationWording("s", "{expiry}", "<p>x</p>"),
                TemplateLanguage.FR, VALUES, BRAND).text());
    }

    @Test
    void theHtmlWearsTheBrandAPngLogoInlineAndAnSvgOneAsTheName() {
        NotificationWording wording = Wordings.standard(TemplateLanguage.EN);
        Brand png = new Brand("Contoso <Secure>", Colour.parse("#7a1f3d"), Colour.parse("#ffffff"),
                new Logo(Logo.PNG, new byte[] {1, 2}, "ab".repeat(32)));
        RenderedNotification withLogo = Wordings.render(wording, TemplateLanguage.EN, VALUES, png);
        assertTrue(withLogo.html().contains("<img src=\"cid:logo@openenvelope\" alt=\"Contoso &lt;Secure&gt;\""),
                withLogo.html());
        assertTrue(withLogo.html().contains("border-top:4px solid #7a1f3d"), withLogo.html());
        assertEquals(png.logo(), withLogo.inlineLogo());
        assertTrue(withLogo.htmlWithLogoInline().contains("src=\"data:image/png;base64,AQI=\""));

        Brand svg = new Brand("Contoso", Colour.parse("#7a1f3d"), Colour.parse("#ffffff"),
                new Logo(Logo.SVG, new byte[] {'<'}, "cd".repeat(32)));
        RenderedNotification named = Wordings.render(wording, TemplateLanguage.EN, VALUES, svg);
        assertNull(named.inlineLogo(), "mail programs show no SVG");
        assertFalse(named.html().contains("<img"), named.html());
        assertTrue(named.html().contains("color:#7a1f3d\">Contoso</div>"), named.html());
    }
}
