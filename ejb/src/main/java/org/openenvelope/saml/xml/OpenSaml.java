package org.openenvelope.saml.xml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import net.shibboleth.utilities.java.support.component.ComponentInitializationException;
import net.shibboleth.utilities.java.support.xml.BasicParserPool;
import net.shibboleth.utilities.java.support.xml.ParserPool;
import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import net.shibboleth.utilities.java.support.xml.XMLParserException;
import org.opensaml.core.config.InitializationException;
import org.opensaml.core.config.InitializationService;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.io.MarshallingException;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.openenvelope.operations.ServiceLog;

/**
 * OpenSAML, initialised once per class loader, and the one XML parser every SAML message and metadata document
 * goes through.
 *
 * <p>Security: the parser refuses DOCTYPE declarations outright (no XXE, no entity expansion, no external DTD),
 * does not expand XInclude, and drops comments, so a value read from a parsed message is exactly the value the
 * exclusive canonicalisation of its signature covered (the comment-splitting NameID attack finds nothing to
 * split). Documents larger than {@link #MAX_DOCUMENT_BYTES} are refused before parsing, and documents nested more
 * than {@link DepthLimitedParserPool#MAX_DEPTH} elements deep before unmarshalling.
 */
public final class OpenSaml {

    /** No SAML message or metadata document we accept is anywhere near this size. */
    public static final int MAX_DOCUMENT_BYTES = 1024 * 1024;

    /**
     * These log every refused message as SEVERE, some with a stack trace; the service reports each refusal itself
     * (a WARNING line with its reason code, and the audit log), so a hostile request does not flood the log with
     * alarms. Held here because the logging framework keeps its loggers only weakly.
     */
    private static final List<Logger> QUIETED = quieted("org.opensaml.xmlsec.encryption.support.Decrypter",
            "org.opensaml.saml.saml2.encryption.Decrypter", "org.opensaml.saml.security.impl.SAMLSignatureProfileValidator");

    /**
     * Broken or hostile XML is the sender's problem, reported by the caller (to the sender, and as a WARNING with its
     * reason): the library's handler would log each one as SEVERE with a stack trace. This one only throws.
     */
    private static final ErrorHandler QUIET_ERRORS = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            ServiceLog.logger(OpenSaml.class).fine(() -> "XML warning: " + e.getMessage());
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private static final ParserPool PARSER = initialize();

    private OpenSaml() {
    }

    private static List<Logger> quieted(String... names) {
        List<Logger> loggers = Stream.of(names).map(Logger::getLogger).toList();
        loggers.forEach(logger -> logger.setLevel(Level.OFF));
        return loggers;
    }

    private static ParserPool initialize() {
        // OpenSAML finds its configuration through the thread's context class loader; make it ours, so it also
        // works when a container thread's loader is the server's.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(OpenSaml.class.getClassLoader());
        try {
            InitializationService.initialize();
            BasicParserPool pool = new BasicParserPool();
            pool.setMaxPoolSize(64);
            pool.setNamespaceAware(true);
            pool.setIgnoreComments(true);
            pool.setExpandEntityReferences(false);
            pool.setXincludeAware(false);
            pool.setErrorHandler(QUIET_ERRORS);
            pool.setDTDValidating(false);
            pool.setBuilderFeatures(Map.of(
                    XMLConstants.FEATURE_SECURE_PROCESSING, true,
                    "http://apache.org/xml/features/disallow-doctype-decl", true,
                    "http://xml.org/sax/features/external-general-entities", false,
                    "http://xml.org/sax/features/external-parameter-entities", false,
                    "http://apache.org/xml/features/nonvalidating/load-external-dtd", false));
            pool.initialize();
            return new DepthLimitedParserPool(pool);
        } catch (InitializationException | ComponentInitializationException e) {
            throw new IllegalStateException("OpenSAML could not be initialised", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Makes sure OpenSAML is initialised (the first call takes about a second). */
    public static void ensureInitialized() {
        Objects.requireNonNull(PARSER);
    }

    /** The hardened parser, for OpenSAML components that parse on their own (decryption). */
    public static ParserPool parserPool() {
        return PARSER;
    }

    /**
     * Parses and unmarshalls a document with the hardened parser.
     *
     * @throws XmlRejectedException with a message fit for a person: too large, not XML, a DOCTYPE, or not a
     *                              known SAML/metadata element
     */
    public static XMLObject parse(byte[] document) {
        if (document.length > MAX_DOCUMENT_BYTES) {
            throw new XmlRejectedException("The document is " + document.length + " bytes long; at most "
                    + MAX_DOCUMENT_BYTES + " are accepted.");
        }
        Document parsed;
        try {
            parsed = PARSER.parse(new ByteArrayInputStream(document));
        } catch (XMLParserException e) {
            throw new XmlRejectedException(describeParseFailure(e));
        }
        Element root = parsed.getDocumentElement();
        var unmarshaller = XMLObjectSupport.getUnmarshaller(root);
        if (unmarshaller == null) {
            throw new XmlRejectedException("The document's root element {" + root.getNamespaceURI() + "}"
                    + root.getLocalName() + " is not a SAML element.");
        }
        try {
            return unmarshaller.unmarshall(root);
        } catch (UnmarshallingException e) {
            throw new XmlRejectedException("The document is not well-formed SAML: " + e.getMessage());
        }
    }

    private static String describeParseFailure(XMLParserException e) {
        if (e instanceof DepthLimitedParserPool.TooDeep) {
            return "The document's elements are nested more than " + DepthLimitedParserPool.MAX_DEPTH + " deep.";
        }
        String cause = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
        if (cause != null && cause.contains("DOCTYPE")) {
            return "The document contains a DOCTYPE declaration, which is refused (it could define entities).";
        }
        return "The document is not well-formed XML" + (cause == null ? "." : ": " + cause);
    }

    /** A new, empty SAML object of the given element. */
    @SuppressWarnings("unchecked")
    public static <T extends XMLObject> T build(QName elementName) {
        return (T) XMLObjectSupport.buildXMLObject(elementName);
    }

    /** The object as a DOM element (marshalled now unless it already has one, e.g. because it was signed). */
    public static Element element(XMLObject object) {
        try {
            return object.getDOM() != null ? object.getDOM() : XMLObjectSupport.marshall(object);
        } catch (MarshallingException e) {
            throw new IllegalStateException("Could not marshall " + object.getElementQName(), e);
        }
    }

    /** The object serialised as UTF-8 XML, exactly as signed. */
    public static byte[] serialize(XMLObject object) {
        Element element = element(object);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SerializeSupport.writeNode(element, out);
        return out.toByteArray();
    }

    public static String serializeToString(XMLObject object) {
        return new String(serialize(object), StandardCharsets.UTF_8);
    }
}
