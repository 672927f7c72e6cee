package org.openenvelope.branding;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.openenvelope.error.InvalidValueException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * An SVG logo rebuilt from the elements and attributes a drawing needs, into a new document: what can act (scripts,
 * event handlers, links, animation, embedded HTML or images, anything that loads from elsewhere) is refused with
 * its name, so the administrator knows what to remove; editors' own data (metadata, Inkscape's and Illustrator's
 * namespaces, comments) is left out. No DOCTYPE, so no entities. Recipients only ever see the result as an image,
 * where browsers run nothing; this makes it safe also where someone opens the file itself.
 */
final class SvgLogos {

    static final String SVG = "http://www.w3.org/2000/svg";
    static final String XLINK = "http://www.w3.org/1999/xlink";
    private static final int MAX_ELEMENTS = 10_000;
    private static final int MAX_DEPTH = 64;
    private static final Set<String> DRAWING = Set.of("svg", "g", "defs", "title", "desc", "symbol", "use", "path",
            "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "textPath", "linearGradient",
            "radialGradient", "stop", "clipPath", "mask", "pattern", "marker", "style", "filter", "feBlend",
            "feColorMatrix", "feComponentTransfer", "feComposite", "feDropShadow", "feFlood", "feFuncA", "feFuncB",
            "feFuncG", "feFuncR", "feGaussianBlur", "feMerge", "feMergeNode", "feMorphology", "feOffset");
    private static final Set<String> WITH_TEXT = Set.of("title", "desc", "text", "tspan", "textPath", "style");
    /** url(…) anywhere but to a part of the drawing itself, and CSS that can load or run something. */
    private static final Pattern REMOTE_URL = Pattern.compile("url\\(\\s*(?!['\"]?\\s*#)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTIVE_CSS = Pattern.compile("@import|expression\\s*\\(|javascript:|behavior\\s*:"
            + "|-moz-binding|\\\\", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?(px)?");

    private SvgLogos() {
    }

    static byte[] rebuild(byte[] upload, String file) {
        Document source = parse(upload, file);
        Element root = source.getDocumentElement();
        if (!SVG.equals(root.getNamespaceURI()) || !"svg".equals(root.getLocalName())) {
            throw refused(file + " is not an SVG image: its root element is <" + root.getTagName() + ">, not <svg> in"
                    + " the SVG namespace.");
        }
        Document clean = builder(file).newDocument();
        int[] elements = {0};
        Element svg = (Element) copy(root, clean, file, 0, elements);
        clean.appendChild(svg);
        if (!svg.hasAttribute("viewBox")) {
            String width = svg.getAttribute("width").strip();
            String height = svg.getAttribute("height").strip();
            if (!NUMBER.matcher(width).matches() || !NUMBER.matcher(height).matches()) {
                throw refused(file + " has no viewBox, so it cannot be scaled to the logo's place. Give its <svg> a"
                        + " viewBox (or a width and height in pixels).");
            }
            svg.setAttribute("viewBox", "0 0 " + width.replace("px", "") + " " + height.replace("px", ""));
        }
        return serialise(clean);
    }

    private static Node copy(Element from, Document into, String file, int depth, int[] elements) {
        String name = from.getLocalName();
        if (depth > MAX_DEPTH || ++elements[0] > MAX_ELEMENTS) {
            throw refused(file + " is nested too deeply or has too many elements for a logo.");
        }
        if (!DRAWING.contains(name)) {
            throw refused(file + " contains <" + name + ">, which a logo may not: " + why(name) + " Remove it (in"
                    + " most editors: save as plain or optimised SVG) and upload it again.");
        }
        Element to = into.createElementNS(SVG, name);
        NamedNodeMap attributes = from.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            copyAttribute((Attr) attributes.item(i), to, name, file);
        }
        for (Node child = from.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE -> {
                    // editors' data (Inkscape, Sodipodi, RDF) and SVG's own metadata draw nothing: left out
                    if (SVG.equals(child.getNamespaceURI()) && !"metadata".equals(child.getLocalName())) {
                        to.appendChild(copy((Element) child, into, file, depth + 1, elements));
                    }
                }
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> {
                    if (WITH_TEXT.contains(name)) {
                        String text = child.getNodeValue();
                        if ("style".equals(name)) {
                            checkCss(text, "<style>", file);
                        }
                        to.appendChild(into.createTextNode(text));
                    }
                }
                default -> {
                    // comments and processing instructions are left out
                }
            }
        }
        return to;
    }

    private static void copyAttribute(Attr attribute, Element to, String element, String file) {
        String namespace = attribute.getNamespaceURI();
        String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
        String value = attribute.getValue();
        boolean link = "href".equals(name) && (namespace == null || XLINK.equals(namespace));
        if (link) {
            if (!value.strip().startsWith("#")) {
                throw refused(file + " links its <" + element + "> to \"" + shortened(value) + "\": a logo may only"
                        + " refer to its own parts (#id), never to anything elsewhere.");
            }
            to.setAttributeNS(XLINK, "xlink:href", value.strip());
            return;
        }
        if (namespace != null) {
            return; // namespace declarations, xml:space, editors' attributes
        }
        if (name.toLowerCase(Locale.ROOT).startsWith("on")) {
            throw refused(file + " has an event handler (" + name + " on <" + element + ">), which is a script; a"
                    + " logo may not have any.");
        }
        if (value.toLowerCase(Locale.ROOT).contains("javascript:")) {
            throw refused(file + " has a script address in " + name + " on <" + element + ">; a logo may not.");
        }
        checkCss(value, name + " on <" + element + ">", file);
        to.setAttribute(name, value);
    }

    private static void checkCss(String css, String where, String file) {
        if (REMOTE_URL.matcher(css).find()) {
            throw refused(file + " loads something from elsewhere with url(…) in " + where + "; a logo may only use"
                    + " url(#id) for its own gradients, patterns and clip paths.");
        }
        if (ACTIVE_CSS.matcher(css).find()) {
            throw refused(file + " has style in " + where + " that can import or run something (@import,"
                    + " expression, escapes); a logo's style may only set colours, lines and fonts.");
        }
    }

    private static String why(String name) {
        return switch (name) {
            case "script" -> "it is a script.";
            case "foreignObject", "iframe", "object", "embed", "canvas", "video", "audio" ->
                    "it embeds content other than a drawing.";
            case "image", "feImage" -> "it loads or embeds another image (upload a PNG instead).";
            case "a" -> "it is a link.";
            case "animate", "animateMotion", "animateTransform", "set", "discard" -> "it animates or changes the image.";
            default -> "it is not among the drawing elements a logo is made of.";
        };
    }

    private static Document parse(byte[] upload, String file) {
        try {
            return builder(file).parse(new ByteArrayInputStream(upload));
        } catch (SAXParseException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("DOCTYPE")) {
                throw refused(file + " has a DOCTYPE, which logos may not have (it can define entities). Remove the"
                        + " <!DOCTYPE …> line and upload it again.");
            }
            throw refused(file + " is not well-formed XML (line " + e.getLineNumber() + ": " + message + ").");
        } catch (SAXException | IOException e) {
            throw refused(file + " could not be read as SVG: " + e.getMessage());
        }
    }

    private static DocumentBuilder builder(String file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("No secure XML parser for " + file, e);
        }
    }

    private static byte[] serialise(Document document) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("The SVG logo could not be written", e);
        }
    }

    private static String shortened(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }

    private static InvalidValueException refused(String message) {
        return new InvalidValueException(LogoImages.FIELD, message);
    }
}
