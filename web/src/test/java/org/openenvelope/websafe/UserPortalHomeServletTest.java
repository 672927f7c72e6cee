package org.openenvelope.websafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserPortalHomeServletTest {

    @Test
    void showsWhoIsSignedInWithEverythingEscaped() {
        String page = UserPortalHomeServlet.page("/ctx", new UserPortalSession("12345678", "Contoso <Ltd>",
                "alice@contoso.example", "a\"><script>x</script>", "urn:email", "s1",
                Instant.parse("2026-12-07T10:00:00Z")), "abc123", null);
        assertTrue(page.contains("<strong id=\"federation-id\">alice@contoso.example</strong>"), page);
        assertTrue(page.contains("(account Contoso &lt;Ltd&gt;, 12345678)"), page);
        assertTrue(page.contains("<dd id=\"signed-in-through\">Single sign-on (SAML 2.0)</dd>"), page);
        assertTrue(page.contains("<dd id=\"name-id\">a&quot;&gt;&lt;script&gt;x&lt;/script&gt;</dd>"), page);
        assertFalse(page.contains("<script"), page);
        assertTrue(page.contains("<dd>2026-12-07 10:00:00 UTC</dd>"), page);
        assertTrue(page.contains("href=\"/ctx/websafe/logout?token=abc123\""), page);
        assertTrue(page.contains("href=\"/ctx/jakarta.faces.resource/css/portal.css.xhtml\""), page);
    }

    @Test
    void aPasswordSessionHasNoNameAtTheIdentityProvider() {
        String page = UserPortalHomeServlet.page("", new UserPortalSession("1", "A", "bob", null, null, null,
                Instant.EPOCH), "t", null);
        assertTrue(page.contains("<dd id=\"signed-in-through\">Password</dd>"), page);
        assertFalse(page.contains("name-id"), page);
    }

    @Test
    void signedOutSaysHowAndOffersTheSignIn() {
        String everywhere = UserPortalHomeServlet.page("", null, "", "everywhere");
        assertTrue(everywhere.contains("You are signed out here and at your identity provider."), everywhere);
        assertTrue(everywhere.contains("<a id=\"sign-in\" href=\"/websafe/login.xhtml\">"), everywhere);
        assertEquals(-1, UserPortalHomeServlet.page("", null, "", null).indexOf("signed-out"));
        assertTrue(UserPortalHomeServlet.page("", null, "", "locally").contains(">You are signed out.</p>"));
    }
}
