package org.openenvelope.envelope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openenvelope.branding.Brand;
import org.openenvelope.branding.Colour;
import org.openenvelope.branding.Logo;

/** The securedoc file read as a browser reads it (jsoup): what it loads, what it runs, what it posts. */
class SecuredocAttachmentRenderTest {

    private static final Instant SEALED = Instant.parse("2026-12-03T14:42:00Z");
    private static final String BASE = "https://envelope.example.com:8443/oe";
    private static final String ORIGIN = "https://envelope.example.com:8443";
    private static final String ID = "AbCdEfGhIjKlMnOpQrStUv";
    /** A sender name that tries to break out of text, attributes and ASCII. */
    private static final String HOSTILE_SENDER = "Zo\u00eb \"O'Neil\" <script>alert(1)</script> & \uD83D\uDD12";
    private static final String HOSTILE_ACCOUNT = "Smith & <b>Partners</b> \"Ltd\" \u00c5s";

    private static byte[] ciphertext(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    private static String render(byte[] ciphertext, String baseUrl, String sender, String account) {
        return new String(SecuredocAttachment.render(ID, ciphertext, baseUrl, sender, Brand.standard(account), SEALED),
                StandardCharsets.ISO_8859_1);
    }

    private static String render(byte[] ciphertext) {
        return render(ciphertext, BASE, "alice@example.com", "Example Ltd");
    }

    private static Document parse(String html) {
        return Jsoup.parse(html);
    }

    private static String sha256(String text) throws Exception {
        return "'sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8))) + "'";
    }

    /** The policy's directives, each with its sources. */
    private static Map<String, List<String>> policy(Document document) {
        Elements metas = document.select("meta[http-equiv]");
        List<Element> csp = metas.stream().filter(m -> m.attr("http-equiv").equalsIgnoreCase("Content-Security-Policy"))
                .toList();
        assertEquals(1, csp.size(), "one policy");
        Map<String, List<String>> directives = new LinkedHashMap<>();
        for (String directive : csp.get(0).attr("content").split(";")) {
            List<String> words = Arrays.stream(directive.strip().split("\\s+")).toList();
            if (!words.get(0).isEmpty()) {
                directives.put(words.get(0), words.subList(1, words.size()));
            }
        }
        return directives;
    }

    @ParameterizedTest
    @CsvSource({
            "2026-12-03T14:42:00Z, securedoc_20261203T144200.html",
            "2026-01-02T03:04:05Z, securedoc_20260102T030405.html",
            "2026-12-31T23:59:59.999Z, securedoc_20261231T235959.html"})
    void theFileIsNamedAfterTheMomentItWasSealed(String sealed, String expected) {
        assertEquals(expected, SecuredocAttachment.fileName(Instant.parse(sealed)));
    }

    @Test
    void theFileNameIsInUtcWhateverTheOffsetTheMomentWasGivenIn() {
        Instant evening = OffsetDateTime.parse("2026-12-03T21:30:00-05:00").toInstant();
        assertEquals("securedoc_20261204T023000.html", SecuredocAttachment.fileName(evening));
    }

    @Test
    void isAsciiWithLinesShortEnoughForMailWhateverTheCiphertextOrNames() {
        byte[] rendered = SecuredocAttachment.render(ID, ciphertext(200_000), BASE, HOSTILE_SENDER,
                Brand.standard(HOSTILE_ACCOUNT), SEALED);
        for (int i = 0; i < rendered.length; i++) {
            assertTrue(rendered[i] > 0 && rendered[i] < 0x7f || rendered[i] == '\n', "byte " + i + " is " + rendered[i]);
        }
        String html = new String(rendered, StandardCharsets.US_ASCII);
        assertFalse(html.contains("\r"), "one kind of line end");
        int longest = html.lines().mapToInt(String::length).max().orElseThrow();
        assertTrue(longest <= 998, "the longest line has " + longest + " characters");
        assertTrue(html.contains("Zo&#xeb;") && html.contains("&#xc5;s"), "non-ASCII as references, not as '?'");
    }

    @Test
    void loadsNothingFromAnywhere() {
        String html = render(ciphertext(3000), BASE, HOSTILE_SENDER, HOSTILE_ACCOUNT);
        Document document = parse(html);

        assertTrue(document.select("[src], [href], [srcset], [poster], [background]").isEmpty(),
                document.select("[src], [href], [srcset], [poster], [background]").outerHtml());
        assertTrue(document.select("link, img, iframe, frame, object, embed, base, audio, video, source, svg").isEmpty());
        assertTrue(document.select("meta[http-equiv=refresh]").isEmpty());
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("url("), "no style loads anything");
        assertFalse(lower.contains("@import"));
        String script = document.select("script").get(0).data();
        assertFalse(script.contains("http"), "the script names no address; it reads the form's");
        assertFalse(script.contains("fetch(") || script.contains("XMLHttpRequest") || script.contains("eval("), script);
        for (Element element : document.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                assertFalse(attribute.getKey().toLowerCase(Locale.ROOT).startsWith("on"),
                        "no inline handler (the policy would block it): " + attribute);
                assertFalse(attribute.getKey().equalsIgnoreCase("style"), "no inline style: " + attribute);
            }
        }
    }

    @Test
    void thePolicyAllowsExactlyTheInlineScriptAndStyleByTheirHashes() throws Exception {
        Document document = parse(render(ciphertext(100)));
        Elements scripts = document.select("script");
        Elements styles = document.select("style");
        assertEquals(1, scripts.size());
        assertEquals(1, styles.size());

        Map<String, List<String>> policy = policy(document);
        assertEquals(List.of("'none'"), policy.get("default-src"));
        assertEquals(List.of(sha256(scripts.get(0).data())), policy.get("script-src"),
                "the hash of the script exactly as it stands between its tags");
        assertEquals(List.of(sha256(styles.get(0).data())), policy.get("style-src"));
        assertEquals(List.of(ORIGIN), policy.get("form-action"), "the form posts to the service only");
        assertEquals(List.of("'none'"), policy.get("base-uri"));
        assertFalse(policy.toString().contains("unsafe"), policy.toString());
        assertTrue(scripts.get(0).data().contains("postMessage"), "the script is the hand-over, not an empty one");
        assertTrue(styles.get(0).data().contains("button"), "the style is the file's own");
    }

    @Test
    void wearsTheAccountsBrandWithItsLogoAsTheOnlyImageAndADataOneAtThat() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        Brand brand = new Brand("Contoso <Secure>", Colour.parse("#7a1f3d"), Colour.parse("#faf7f2"),
                new Logo(Logo.PNG, png, "ab".repeat(32)));
        String html = new String(SecuredocAttachment.render(ID, ciphertext(100), BASE, "a@example.com", brand, SEALED),
                StandardCharsets.US_ASCII);
        Document document = parse(html);
        Elements images = document.select("img");
        assertEquals(1, images.size());
        assertEquals("data:image/png;base64," + Base64.getEncoder().encodeToString(png),
                images.get(0).attr("src").replace("\n", ""), "the logo, its lines joined as browsers join them");
        assertEquals("Contoso <Secure>", images.get(0).attr("alt"));
        assertEquals(List.of("data:"), policy(document).get("img-src"), "images from nowhere but the file itself");
        assertTrue(document.select("style").get(0).data().endsWith(brand.cssVariables()));
        assertTrue(document.text().contains("through Contoso <Secure>"), document.text());
        assertTrue(html.lines().allMatch(line -> line.length() <= 998));
    }

    @Test
    void thePolicyComesBeforeAnythingItGoverns() {
        String html = render(ciphertext(100));
        int policy = html.indexOf("Content-Security-Policy");
        assertTrue(policy > 0);
        assertTrue(policy < html.indexOf("<style"), "a policy in a meta element applies only to what follows it");
        assertTrue(policy < html.indexOf("<script"));
        assertTrue(policy < html.indexOf("<form"));
    }

    @Test
    void theFormPostsTheEnvelopeAndItsCiphertextToTheViewer() {
        Document document = parse(render(ciphertext(100)));
        Elements forms = document.select("form");
        assertEquals(1, forms.size());
        Element form = forms.get(0);
        assertEquals(BASE + "/envelope/open", form.attr("action"));
        assertEquals("post", form.attr("method").toLowerCase(Locale.ROOT));
        assertEquals("open", form.id(), "the script finds the form by its id");
        assertEquals(ID, form.attr("data-envelope"));
        assertEquals(BASE + "/envelope/open?envelope=" + ID, form.attr("data-viewer"));

        Elements inputs = form.select("input");
        assertEquals(List.of("envelope", "ciphertext"), inputs.stream().map(i -> i.attr("name")).toList());
        assertTrue(inputs.stream().allMatch(i -> i.attr("type").equals("hidden")));
        assertEquals(ID, form.selectFirst("input[name=envelope]").val());
        assertEquals(1, form.select("button[type=submit]").size());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 56, 57, 58, 4096, 100_001})
    void theCiphertextFieldHoldsExactlyTheCiphertext(int length) {
        byte[] ciphertext = ciphertext(length);
        Element field = parse(render(ciphertext)).selectFirst("input[name=ciphertext]");
        String value = field.val();
        assertArrayEquals(ciphertext, Base64.getDecoder().decode(value.replaceAll("\\s", "")));
        assertTrue(value.lines().allMatch(line -> line.length() <= 76), "wrapped in short lines");
    }

    @Test
    void namesAreShownAsGivenButNeverAsMarkup() {
        String html = render(ciphertext(100), BASE, HOSTILE_SENDER, HOSTILE_ACCOUNT);
        Document document = parse(html);

        assertEquals(1, document.select("script").size(), "the sender's <script> is text, not a script");
        assertTrue(document.select("b").isEmpty(), "the account's <b> is text, not markup");
        assertFalse(html.contains("<script>alert"));
        assertFalse(html.contains("<b>Partners"));
        assertEquals("Encrypted message from " + HOSTILE_SENDER, document.title());
        Elements strong = document.select("p.from strong");
        assertEquals(List.of(HOSTILE_SENDER, HOSTILE_ACCOUNT), strong.stream().map(Element::text).toList());
        assertTrue(html.contains("&#x1f512;"), "a character outside the BMP is one reference, not two halves");
    }

    @Test
    void anEnvelopeIdCannotAddAttributes() {
        String id = "x\" autofocus onfocus=\"alert(1)";
        Document document = parse(new String(SecuredocAttachment.render(id, ciphertext(10), BASE, "a@example.com",
                Brand.standard("Example"), SEALED), StandardCharsets.US_ASCII));
        Element form = document.selectFirst("form");
        assertEquals(id, form.attr("data-envelope"));
        assertFalse(form.hasAttr("onfocus"));
        assertEquals(id, form.selectFirst("input[name=envelope]").val());
        assertTrue(document.select("[onfocus], [autofocus]").isEmpty());
    }

    @ParameterizedTest
    @CsvSource({
            "https://envelope.example.com, https://envelope.example.com",
            "https://envelope.example.com/oe, https://envelope.example.com",
            "https://envelope.example.com:8443/oe, https://envelope.example.com:8443",
            "http://localhost:8080, http://localhost:8080",
            "https://Envelope.Example.COM/oe, https://envelope.example.com",
            "https://envelope.example.com:443, https://envelope.example.com",
            "http://envelope.example.com:80/oe, http://envelope.example.com"})
    void theOriginIsTheOneTheBrowserWillReportForTheViewer(String baseUrl, String origin) {
        Document document = parse(render(ciphertext(10), baseUrl, "a@example.com", "Example"));
        assertEquals(origin, document.selectFirst("form").attr("data-origin"),
                "the script compares the viewer's message origin with this exactly");
        assertEquals(List.of(origin), policy(document).get("form-action"));
        assertEquals(baseUrl + "/envelope/open", document.selectFirst("form").attr("action"));
    }

    @Test
    void neverAsksForAPassword() {
        Document document = parse(render(ciphertext(100), BASE, HOSTILE_SENDER, HOSTILE_ACCOUNT));
        assertTrue(document.select("input[type=password]").isEmpty());
        assertTrue(document.select("input").stream().allMatch(i -> i.attr("type").equalsIgnoreCase("hidden")),
                "nothing to type into at all");
        assertTrue(document.select("textarea, select, [contenteditable]").isEmpty());
        assertTrue(document.text().contains("never asks for a password"), "and says so");
        assertTrue(document.text().contains("envelope.example.com"), "it names where the message opens");
    }
}
