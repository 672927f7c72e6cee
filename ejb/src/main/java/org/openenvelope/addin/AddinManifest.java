package org.openenvelope.addin;

import java.io.StringWriter;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.openenvelope.error.ConflictException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The Outlook add-in manifest of an account (Addin Config, step 3): an Office add-in {@code MailApp} (schema 1.1)
 * whose {@code VersionOverrides} put one button on the message compose ribbon, opening the task pane. It asks for
 * {@code ReadWriteItem}, the least permission that lets the add-in change the subject or add a header of the message
 * being written; its {@code Id} is the account's and stays the same, its {@code Version} is {@code 1.0.<revision>.0}
 * so Microsoft 365 sees every configuration change as an update. Every URL is under the service's public https
 * base URL, which is also its only {@code AppDomain}.
 */
public final class AddinManifest {

    static final String OFFICE_APP = "http://schemas.microsoft.com/office/appforoffice/1.1";
    static final String BASIC_TYPES = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
    static final String MAIL_OVERRIDES = "http://schemas.microsoft.com/office/mailappversionoverrides";
    static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
    public static final int[] RIBBON_ICON_SIZES = {16, 32, 80};

    private AddinManifest() {
    }

    /**
     * @param baseUrl the service's public base URL; Office loads add-ins only over https
     * @throws ConflictException on {@code baseUrl} when it is not an https URL
     */
    public static String generate(String manifestId, int revision, String accountName, String baseUrl) {
        String base = https(baseUrl);
        Document document = newDocument();
        Element app = document.createElementNS(OFFICE_APP, "OfficeApp");
        document.appendChild(app);
        app.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:xsi", XSI);
        app.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:bt", BASIC_TYPES);
        app.setAttributeNS(XSI, "xsi:type", "MailApp");

        text(app, OFFICE_APP, "Id", manifestId);
        text(app, OFFICE_APP, "Version", "1.0." + revision + ".0");
        text(app, OFFICE_APP, "ProviderName", "OpenEnvelope");
        text(app, OFFICE_APP, "DefaultLocale", "en-US");
        valued(app, OFFICE_APP, "DisplayName", "OpenEnvelope Secure Send");
        valued(app, OFFICE_APP, "Description", "Encrypts the message you are writing, or flags it for encryption,"
                + " as " + accountName + " has configured.");
        valued(app, OFFICE_APP, "IconUrl", base + "/addin/icon-64.png");
        valued(app, OFFICE_APP, "HighResolutionIconUrl", base + "/addin/icon-128.png");
        valued(app, OFFICE_APP, "SupportUrl", base + "/addin/support.html");
        Element domains = child(app, OFFICE_APP, "AppDomains");
        text(domains, OFFICE_APP, "AppDomain", base);
        child(child(app, OFFICE_APP, "Hosts"), OFFICE_APP, "Host").setAttribute("Name", "Mailbox");
        Element set = child(child(child(app, OFFICE_APP, "Requirements"), OFFICE_APP, "Sets"), OFFICE_APP, "Set");
        set.setAttribute("Name", "Mailbox");
        set.setAttribute("MinVersion", "1.1");
        Element form = child(child(app, OFFICE_APP, "FormSettings"), OFFICE_APP, "Form");
        form.setAttributeNS(XSI, "xsi:type", "ItemEdit");
        valued(child(form, OFFICE_APP, "DesktopSettings"), OFFICE_APP, "SourceLocation", base + "/addin/taskpane.html");
        text(app, OFFICE_APP, "Permissions", "ReadWriteItem");
        Element rules = child(app, OFFICE_APP, "Rule");
        rules.setAttributeNS(XSI, "xsi:type", "RuleCollection");
        rules.setAttribute("Mode", "Or");
        Element compose = child(rules, OFFICE_APP, "Rule");
        compose.setAttributeNS(XSI, "xsi:type", "ItemIs");
        compose.setAttribute("ItemType", "Message");
        compose.setAttribute("FormType", "Edit");
        text(app, OFFICE_APP, "DisableEntityHighlighting", "false");
        versionOverrides(app, base);
        return serialize(document);
    }

    private static void versionOverrides(Element app, String base) {
        Element overrides = child(app, MAIL_OVERRIDES, "VersionOverrides");
        overrides.setAttributeNS(XSI, "xsi:type", "VersionOverridesV1_0");
        Element sets = child(child(overrides, MAIL_OVERRIDES, "Requirements"), BASIC_TYPES, "bt:Sets");
        sets.setAttribute("DefaultMinVersion", "1.3");
        child(sets, BASIC_TYPES, "bt:Set").setAttribute("Name", "Mailbox");
        Element host = child(child(overrides, MAIL_OVERRIDES, "Hosts"), MAIL_OVERRIDES, "Host");
        host.setAttributeNS(XSI, "xsi:type", "MailHost");
        Element desktop = child(host, MAIL_OVERRIDES, "DesktopFormFactor");
        child(desktop, MAIL_OVERRIDES, "FunctionFile").setAttribute("resid", "Commands.Url");
        Element surface = child(desktop, MAIL_OVERRIDES, "ExtensionPoint");
        surface.setAttributeNS(XSI, "xsi:type", "MessageComposeCommandSurface");
        Element tab = child(surface, MAIL_OVERRIDES, "OfficeTab");
        tab.setAttribute("id", "TabDefault");
        Element group = child(tab, MAIL_OVERRIDES, "Group");
        group.setAttribute("id", "openEnvelopeComposeGroup");
        child(group, MAIL_OVERRIDES, "Label").setAttribute("resid", "Group.Label");
        Element button = child(group, MAIL_OVERRIDES, "Control");
        button.setAttributeNS(XSI, "xsi:type", "Button");
        button.setAttribute("id", "openEnvelopeSecureSendButton");
        child(button, MAIL_OVERRIDES, "Label").setAttribute("resid", "Button.Label");
        Element tip = child(button, MAIL_OVERRIDES, "Supertip");
        child(tip, MAIL_OVERRIDES, "Title").setAttribute("resid", "Button.Label");
        child(tip, MAIL_OVERRIDES, "Description").setAttribute("resid", "Button.Tooltip");
        Element icon = child(button, MAIL_OVERRIDES, "Icon");
        for (int size : RIBBON_ICON_SIZES) {
            Element image = child(icon, BASIC_TYPES, "bt:Image");
            image.setAttribute("size", String.valueOf(size));
            image.setAttribute("resid", "Icon." + size);
        }
        Element action = child(button, MAIL_OVERRIDES, "Action");
        action.setAttributeNS(XSI, "xsi:type", "ShowTaskpane");
        child(action, MAIL_OVERRIDES, "SourceLocation").setAttribute("resid", "Taskpane.Url");

        Element resources = child(overrides, MAIL_OVERRIDES, "Resources");
        Element images = child(resources, BASIC_TYPES, "bt:Images");
        for (int size : RIBBON_ICON_SIZES) {
            resource(images, "bt:Image", "Icon." + size, base + "/addin/icon-" + size + ".png");
        }
        Element urls = child(resources, BASIC_TYPES, "bt:Urls");
        resource(urls, "bt:Url", "Commands.Url", base + "/addin/commands.html");
        resource(urls, "bt:Url", "Taskpane.Url", base + "/addin/taskpane.html");
        Map<String, String> shortStrings = new LinkedHashMap<>();
        shortStrings.put("Group.Label", "OpenEnvelope");
        shortStrings.put("Button.Label", "Secure Send");
        Element shorts = child(resources, BASIC_TYPES, "bt:ShortStrings");
        shortStrings.forEach((id, value) -> resource(shorts, "bt:String", id, value));
        resource(child(resources, BASIC_TYPES, "bt:LongStrings"), "bt:String", "Button.Tooltip",
                "Encrypt this message, or flag it for encryption, as your organisation has configured.");
    }

    private static String https(String baseUrl) {
        URI uri;
        try {
            uri = URI.create(baseUrl == null ? "" : baseUrl.strip());
        } catch (IllegalArgumentException e) {
            uri = URI.create("");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new ConflictException("baseUrl", "Outlook loads add-ins only over https, and this service is reached at "
                    + baseUrl + ". Set openenvelope.base-url to the service's public https URL, then download the manifest.");
        }
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static Document newDocument() {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Element child(Element parent, String namespace, String name) {
        Element element = parent.getOwnerDocument().createElementNS(namespace, name);
        parent.appendChild(element);
        return element;
    }

    private static void text(Element parent, String namespace, String name, String value) {
        child(parent, namespace, name).setTextContent(value);
    }

    private static void valued(Element parent, String namespace, String name, String value) {
        child(parent, namespace, name).setAttribute("DefaultValue", value);
    }

    private static void resource(Element parent, String name, String id, String value) {
        Element element = child(parent, BASIC_TYPES, name);
        element.setAttribute("id", id);
        element.setAttribute("DefaultValue", value);
    }

    private static String serialize(Document document) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            var transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }
}
