package org.openenvelope.saml.xml;

import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.parsers.DocumentBuilder;
import net.shibboleth.utilities.java.support.xml.ParserPool;
import net.shibboleth.utilities.java.support.xml.XMLParserException;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * A parser pool that refuses documents nested deeper than {@link #MAX_DEPTH} elements. Parsing itself copes with
 * any depth, but OpenSAML's unmarshalling recurses once per element: a Response nesting a few thousand elements in
 * its Extensions, well under the size limit, would overflow the stack. Decrypted assertions are parsed by the same
 * pool, so the limit holds for them too.
 */
final class DepthLimitedParserPool implements ParserPool {

    /** SAML messages and metadata nest about a dozen elements deep; aggregates a few more. */
    static final int MAX_DEPTH = 100;

    private final ParserPool parser;

    DepthLimitedParserPool(ParserPool parser) {
        this.parser = parser;
    }

    @Override
    public Document parse(InputStream input) throws XMLParserException {
        return checked(parser.parse(input));
    }

    @Override
    public Document parse(Reader input) throws XMLParserException {
        return checked(parser.parse(input));
    }

    @Override
    public DocumentBuilder getBuilder() throws XMLParserException {
        return parser.getBuilder();
    }

    @Override
    public void returnBuilder(DocumentBuilder builder) {
        parser.returnBuilder(builder);
    }

    @Override
    public Document newDocument() throws XMLParserException {
        return parser.newDocument();
    }

    static final class TooDeep extends XMLParserException {
        TooDeep() {
            super("Elements are nested more than " + MAX_DEPTH + " deep.");
        }
    }

    /** Walks the tree without recursion, so the check itself cannot overflow. */
    static Document checked(Document document) throws XMLParserException {
        record Level(Node node, int depth) {
        }
        Deque<Level> open = new ArrayDeque<>();
        if (document.getDocumentElement() != null) {
            open.push(new Level(document.getDocumentElement(), 1));
        }
        while (!open.isEmpty()) {
            Level level = open.pop();
            if (level.depth() > MAX_DEPTH) {
                throw new TooDeep();
            }
            for (Node child = level.node().getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child.getNodeType() == Node.ELEMENT_NODE) {
                    open.push(new Level(child, level.depth() + 1));
                }
            }
        }
        return document;
    }
}
