package org.openenvelope.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A scripted identity provider's sign-in page as a site of its own ({@code localhost}, while the service is
 * {@code 127.0.0.1}): it answers every AuthnRequest for one user with a page that posts the answer to the ACS by
 * itself, as real IdPs do, so that a browser makes the same cross-site POST as with a real IdP.
 */
public final class IdentityProviderSite implements AutoCloseable {

    private final HttpServer server;

    private IdentityProviderSite(HttpServer server) {
        this.server = server;
    }

    /** Starts the site on a free loopback port; its sign-in page is {@link #signInPage()}. */
    public static IdentityProviderSite start() {
        try {
            return new IdentityProviderSite(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL to configure as the IdP's single sign-on URL. */
    public String signInPage() {
        return "http://localhost:" + server.getAddress().getPort() + "/sso";
    }

    /** From now on, answers each request as {@code idp} for {@code user}, posted to {@code acs}; returns this site. */
    public IdentityProviderSite answering(ScriptedIdentityProvider idp, String user, URI acs) {
        server.createContext("/sso", exchange -> {
            String answer = idp.answerTo(ScriptedIdentityProvider.requestId(exchange.getRequestURI()), user);
            byte[] page = ("<!DOCTYPE html><html><body onload=\"document.forms[0].submit()\"><form method=\"post\" action=\""
                    + acs + "\"><input type=\"hidden\" name=\"SAMLResponse\" value=\"" + answer + "\"></form></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html;charset=UTF-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
