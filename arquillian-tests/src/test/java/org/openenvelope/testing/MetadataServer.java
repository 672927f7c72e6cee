package org.openenvelope.testing;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.openenvelope.saml.keys.TestCertificateAuthority;

/**
 * An IdP's metadata URL on loopback over https, with a server certificate from a test CA: what the service reads
 * when an administrator imports from a URL, and what the scheduled refresh re-reads. The document can be changed
 * between reads; every request is counted.
 */
public final class MetadataServer implements AutoCloseable {

    public static final String PATH = "/federationmetadata/2007-06/federationmetadata.xml";

    private final HttpsServer server;
    private final AtomicReference<byte[]> document = new AtomicReference<>(new byte[0]);
    private final AtomicInteger requests = new AtomicInteger();

    private MetadataServer(HttpsServer server) {
        this.server = server;
    }

    /** Serves over TLS with a certificate that {@code ca} issued for 127.0.0.1. */
    public static MetadataServer start(TestCertificateAuthority ca) {
        try {
            KeyPair keys = TestCertificateAuthority.rsa(2048);
            X509Certificate certificate = ca.issueTlsServer("127.0.0.1", keys);
            char[] password = "tls".toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("tls", keys.getPrivate(), password, new Certificate[]{certificate, ca.certificate()});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(store, password);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keyManagers.getKeyManagers(), null, null);
            HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            MetadataServer metadata = new MetadataServer(server);
            server.createContext("/", exchange -> {
                metadata.requests.incrementAndGet();
                byte[] body = metadata.document.get();
                boolean found = exchange.getRequestURI().getPath().equals(PATH);
                exchange.getResponseHeaders().set("Content-Type", "application/samlmetadata+xml");
                exchange.sendResponseHeaders(found ? 200 : 404, found ? body.length : -1);
                try (OutputStream out = exchange.getResponseBody()) {
                    if (found) {
                        out.write(body);
                    }
                }
            });
            server.start();
            return metadata;
        } catch (Exception e) {
            throw new IllegalStateException("could not start the metadata server", e);
        }
    }

    /** Makes the service trust {@code ca} for metadata URLs (the file {@code openenvelope.saml.metadata.trust-store} names). */
    public static void trust(Path trustStore, X509Certificate... cas) {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate ca : cas) {
            pem.append(new String(TestCertificateAuthority.pem(ca), java.nio.charset.StandardCharsets.US_ASCII));
        }
        try {
            Files.createDirectories(trustStore.toAbsolutePath().getParent());
            Files.writeString(trustStore, pem);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void serve(byte[] metadata) {
        document.set(metadata.clone());
    }

    public URI url() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    public URI base() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
