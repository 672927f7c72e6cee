package org.openenvelope.saml.metadata;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.operations.ServiceLog;
import org.openenvelope.saml.xml.OpenSaml;

/**
 * Reads IdP metadata from an https URL, as an administrator's import and the scheduled refresh do. The server
 * fetches an address an account administrator typed, so it goes only where metadata can be: https (redirects
 * followed only to https, at most {@link #MAX_REDIRECTS}), never to link-local or wildcard addresses (cloud
 * instance metadata), to loopback only when {@code openenvelope.saml.metadata.allow-loopback} says so, at most
 * {@link OpenSaml#MAX_DOCUMENT_BYTES}, within a timeout. Internal IdPs (ADFS on a private network) are allowed;
 * their CA can be added with {@code openenvelope.saml.metadata.trust-store} (PEM), read at every fetch so a changed
 * file needs no restart. Every failure names the {@code metadataUrl} field.
 */
@ApplicationScoped
public class MetadataFetcher {

    public static final String FIELD = "metadataUrl";
    static final int MAX_REDIRECTS = 3;
    private static final Logger LOG = ServiceLog.logger(MetadataFetcher.class);

    @Inject
    @ConfigProperty(name = "openenvelope.saml.metadata.trust-store")
    Optional<String> trustStore;

    @Inject
    @ConfigProperty(name = "openenvelope.saml.metadata.allow-loopback", defaultValue = "false")
    boolean allowLoopback;

    @Inject
    @ConfigProperty(name = "openenvelope.saml.metadata.timeout-seconds", defaultValue = "20")
    int timeoutSeconds;

    public byte[] fetch(String url) {
        URI target = URI.create(MetadataUrl.valid(url));
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(timeoutSeconds)).sslContext(sslContext()).build();
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            checkAddress(target);
            HttpResponse<InputStream> response = send(client, target);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                close(response);
                URI next = target.resolve(response.headers().firstValue("Location").get());
                if (!"https".equalsIgnoreCase(next.getScheme())) {
                    throw refused(url, "it redirects to " + next.getScheme() + ", not https");
                }
                target = next;
                continue;
            }
            if (status != 200) {
                close(response);
                throw refused(url, "the server answered HTTP " + status);
            }
            return body(url, response);
        }
        throw refused(url, "it redirects more than " + MAX_REDIRECTS + " times");
    }

    private HttpResponse<InputStream> send(HttpClient client, URI target) {
        HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(timeoutSeconds))
                .header("Accept", "application/samlmetadata+xml, application/xml, text/xml").GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw refused(target.toString(), "no connection within " + timeoutSeconds + " s");
        } catch (HttpTimeoutException e) {
            throw refused(target.toString(), "no answer within " + timeoutSeconds + " s");
        } catch (SSLHandshakeException e) {
            throw refused(target.toString(), "its TLS certificate is not trusted (" + rootCause(e)
                    + "); add its CA to openenvelope.saml.metadata.trust-store");
        } catch (IOException e) {
            throw refused(target.toString(), "it cannot be reached (" + rootCause(e) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refused(target.toString(), "the request was interrupted");
        }
    }

    private static byte[] body(String url, HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            byte[] document = in.readNBytes(OpenSaml.MAX_DOCUMENT_BYTES + 1);
            if (document.length > OpenSaml.MAX_DOCUMENT_BYTES) {
                throw refused(url, "the document is larger than " + OpenSaml.MAX_DOCUMENT_BYTES + " bytes");
            }
            return document;
        } catch (IOException e) {
            throw refused(url, "reading the answer failed (" + rootCause(e) + ")");
        }
    }

    private void checkAddress(URI target) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(target.getHost());
        } catch (UnknownHostException e) {
            throw refused(target.toString(), "the host " + target.getHost() + " is unknown");
        }
        for (InetAddress address : addresses) {
            if (address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isMulticastAddress()) {
                throw refused(target.toString(), target.getHost() + " is a link-local, wildcard or multicast address,"
                        + " where no identity provider publishes metadata");
            }
            if (address.isLoopbackAddress() && !allowLoopback) {
                throw refused(target.toString(), target.getHost() + " is this server itself (loopback)");
            }
        }
    }

    private SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustStore.filter(s -> !s.isBlank()).map(path -> new TrustManager[]{
                    new EitherTrustManager(trustManager(null), trustManager(extraAnchors(Path.of(path))))}).orElse(null), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available", e);
        }
    }

    private static KeyStore extraAnchors(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (java.security.cert.Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("anchor-" + n++, certificate);
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            LOG.warning(() -> "openenvelope.saml.metadata.trust-store " + file + " cannot be read: " + e.getMessage());
            throw new InvalidValueException(FIELD, "The configured metadata trust store " + file.getFileName()
                    + " cannot be read; ask the service administrator.");
        }
    }

    private static X509ExtendedTrustManager trustManager(KeyStore anchors) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(anchors);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager extended) {
                    return extended;
                }
            }
            throw new IllegalStateException("no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InvalidValueException refused(String url, String why) {
        return new InvalidValueException(FIELD, "The metadata at " + url + " could not be read: " + why + ".");
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // the connection is discarded either way
        }
    }

    /** The JDK's CAs or the configured extra ones; hostname checks stay with the JDK. */
    private record EitherTrustManager(X509ExtendedTrustManager jdk, X509ExtendedTrustManager extra)
            implements javax.net.ssl.X509TrustManager {

        private interface Check {
            void run(X509ExtendedTrustManager manager) throws CertificateException;
        }

        private void either(Check check) throws CertificateException {
            try {
                check.run(jdk);
            } catch (CertificateException notJdk) {
                check.run(extra);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            either(m -> m.checkServerTrusted(chain, authType));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client certificates are not accepted");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
