package org.openenvelope.testing;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archives under test, built once by Maven and only extended here: each test class states just what it adds.
 */
public final class Deployments {

    private Deployments() {
    }

    /**
     * The application WAR exactly as Payara Micro runs it in production (the WAR of the Payara Micro layout; the
     * container adds its libraries, as the README's run command does), including the root context path
     * ({@code --contextroot /}): Payara Micro deploys an archive named {@code ROOT.war} at {@code /}, so the HTTP
     * tests address pages and API paths as they are in production ({@code /admin/...}, {@code /api/v1/...}).
     */
    public static WebArchive application() {
        return ShrinkWrap.create(WebArchive.class, "ROOT.war")
                .merge(ShrinkWrap.createFromZipFile(WebArchive.class, file("openenvelope.test.micro-war")));
    }

    /**
     * The application plus {@link ActingCaller}, for in-container tests that call services as a chosen caller,
     * and the shared fixtures.
     */
    public static WebArchive applicationActingAs() {
        return application().addClasses(ActingCaller.class, Fixtures.class, AccountCallers.class);
    }

    /** The EAR exactly as enterprise IT deploys it on a full Jakarta EE server. */
    public static EnterpriseArchive enterpriseArchive() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, file("openenvelope.test.ear"));
    }

    /**
     * The base URL Arquillian reports, pointed at the loopback interface (Payara Micro advertises the machine's
     * address, and tests only ever talk to loopback). The context path is kept, always with a trailing slash, so
     * tests resolve relative paths ({@code "admin/"}) and pass on any context root.
     */
    public static URI loopback(URL deployed) {
        String path = deployed.getPath().endsWith("/") ? deployed.getPath() : deployed.getPath() + "/";
        try {
            return new URL(deployed.getProtocol(), "127.0.0.1", deployed.getPort(), path).toURI();
        } catch (MalformedURLException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String adminEmail() {
        return "admin@openenvelope.local";
    }

    public static String adminPassword() {
        return System.getProperty("openenvelope.test.admin-password");
    }

    static File directory(String property) {
        String path = System.getProperty(property);
        if (path == null || !new File(path).isDirectory()) {
            throw new IllegalStateException("System property " + property + " must name a built directory (run through Maven failsafe); was " + path);
        }
        return new File(path);
    }

    static File file(String property) {
        String path = System.getProperty(property);
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("System property " + property + " must name the built artifact (run through Maven failsafe); was " + path);
        }
        return new File(path);
    }
}
