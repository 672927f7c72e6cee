package org.openenvelope.addin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.openenvelope.error.ConflictException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The manifest's structure, checked the way Office reads it. The schema check is {@link AddinManifestSchemaTest}. */
class AddinManifestTest {

    static final String BASE = "https://envelope.contoso.example";
    static final String ID = "5d3f1c2e-8a4b-4c6d-9e0f-1a2b3c4d5e6f";

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Document document, String namespace, String name) {
        NodeList nodes = document.getElementsByTagNameNS(namespace, name);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static String text(Document document, String name) {
        return elements(document, AddinManifest.OFFICE_APP, name).get(0).getTextContent();
    }

    @Test
    void isAMailAppWithTheAccountsStableIdAndAVersionFromTheRevision() throws Exception {
        Document manifest = parse(AddinManifest.generate(ID, 7, "Contoso", BASE + "/"));
        Element root = manifest.getDocumentElement();

        assertEquals(AddinManifest.OFFICE_APP, root.getNamespaceURI());
        assertEquals("OfficeApp", root.getLocalName());
        assertEquals("MailApp", root.getAttributeNS(AddinManifest.XSI, "type"));
        assertEquals(ID, text(manifest, "Id"));
        assertEquals("1.0.7.0", text(manifest, "Version"));
        assertEquals("ReadWriteItem", text(manifest, "Permissions"), "the least permission that can flag the message");
        assertEquals(BASE, text(manifest, "AppDomain"));
        assertEquals("1.0.8.0", text(parse(AddinManifest.generate(ID, 8, "Contoso", BASE)), "Version"),
                "a changed configuration is a newer version");
    }

    @Test
    void putsOneButtonOnTheComposeRibbonThatOpensTheTaskPane() throws Exception {
        Document manifest = parse(AddinManifest.generate(ID, 1, "Contoso", BASE));
        List<Element> surfaces = elements(manifest, AddinManifest.MAIL_OVERRIDES, "ExtensionPoint");
        assertEquals(1, surfaces.size());
        assertEquals("MessageComposeCommandSurface", surfaces.get(0).getAttributeNS(AddinManifest.XSI, "type"));
        List<Element> actions = elements(manifest, AddinManifest.MAIL_OVERRIDES, "Action");
        assertEquals("ShowTaskpane", actions.get(0).getAttributeNS(AddinManifest.XSI, "type"));
        List<Element> rules = elements(manifest, AddinManifest.OFFICE_APP, "Rule");
        assertTrue(rules.stream().anyMatch(r -> "ItemIs".equals(r.getAttributeNS(AddinManifest.XSI, "type"))
                && "Edit".equals(r.getAttribute("FormType")) && "Message".equals(r.getAttribute("ItemType"))));
    }

    @Test
    void everyResourceIdIsDefinedAndEveryUrlIsHttpsUnderTheBaseUrl() throws Exception {
        Document manifest = parse(AddinManifest.generate(ID, 1, "Contoso", BASE));
        Set<String> defined = new HashSet<>();
        for (String kind : List.of("Image", "Url", "String")) {
            elements(manifest, AddinManifest.BASIC_TYPES, kind).stream().filter(e -> e.hasAttribute("id"))
                    .forEach(e -> defined.add(e.getAttribute("id")));
        }
        NodeList all = manifest.getElementsByTagName("*");
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (element.hasAttribute("resid")) {
                assertTrue(defined.contains(element.getAttribute("resid")), "undefined resid " + element.getAttribute("resid"));
            }
            String value = element.getAttribute("DefaultValue");
            if (value.startsWith("http")) {
                urls.add(value);
            }
        }
        assertTrue(urls.size() >= 8, urls.toString());
        assertTrue(urls.stream().allMatch(url -> url.startsWith(BASE + "/addin/")), urls.toString());
        for (int size : AddinManifest.RIBBON_ICON_SIZES) {
            assertTrue(urls.contains(BASE + "/addin/icon-" + size + ".png"), "ribbon icon " + size);
        }
    }

    @Test
    void refusesABaseUrlThatIsNotHttpsWithWhatToSet() {
        ConflictException refused = assertThrows(ConflictException.class,
                () -> AddinManifest.generate(ID, 1, "Contoso", "http://127.0.0.1:8080"));
        assertTrue(refused.getMessage().contains("openenvelope.base-url"), refused.getMessage());
    }

    @Test
    void theAccountNameCannotBreakTheDocument() throws Exception {
        Document manifest = parse(AddinManifest.generate(ID, 1, "Contoso <\"&'> Ltd", BASE));
        String description = elements(manifest, AddinManifest.OFFICE_APP, "Description").get(0).getAttribute("DefaultValue");
        assertTrue(description.contains("Contoso <\"&'> Ltd"), description);
    }
}
