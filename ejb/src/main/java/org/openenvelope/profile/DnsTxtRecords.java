package org.openenvelope.profile;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Name;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.openenvelope.operations.ServiceLog;

/**
 * The TXT records published at a domain, asked afresh each time (no cache: an administrator who has just published
 * the record and presses Verify again must not get yesterday's answer). The resolvers are
 * {@code openenvelope.dns.resolvers} ({@code host} or {@code host:port}, comma-separated), else the machine's own.
 */
@ApplicationScoped
public class DnsTxtRecords {

    private static final Logger LOG = ServiceLog.logger(DnsTxtRecords.class);

    @Inject
    @ConfigProperty(name = "openenvelope.dns.resolvers")
    Optional<String> resolvers;

    @Inject
    @ConfigProperty(name = "openenvelope.dns.timeout-seconds", defaultValue = "5")
    int timeoutSeconds;

    private Resolver resolver;

    @PostConstruct
    void configure() {
        resolver = resolvers.filter(list -> !list.isBlank()).map(DnsTxtRecords::configured).orElseGet(ExtendedResolver::new);
        resolver.setTimeout(Duration.ofSeconds(timeoutSeconds));
    }

    private static Resolver configured(String list) {
        return new ExtendedResolver(Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(DnsTxtRecords::resolver).toArray(Resolver[]::new));
    }

    private static Resolver resolver(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        boolean hasPort = colon > 0 && hostAndPort.indexOf(':') == colon;
        String host = hasPort ? hostAndPort.substring(0, colon) : hostAndPort;
        int port = hasPort ? Integer.parseInt(hostAndPort.substring(colon + 1)) : SimpleResolver.DEFAULT_PORT;
        return new SimpleResolver(new InetSocketAddress(host, port));
    }

    /**
     * Each TXT record of the domain as one string (a record's character strings joined, as SPF and verification
     * records are read). An absent domain or one without TXT records has none.
     *
     * @throws DnsUnavailableException when no resolver gave an answer, so that "not found" is never claimed falsely
     */
    public List<String> of(String asciiDomain) {
        Lookup lookup;
        try {
            lookup = new Lookup(Name.fromString(asciiDomain, Name.root), Type.TXT);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("Not a domain name: " + asciiDomain, e);
        }
        lookup.setResolver(resolver);
        lookup.setCache(null);
        org.xbill.DNS.Record[] answers = lookup.run();
        return switch (lookup.getResult()) {
            case Lookup.SUCCESSFUL -> Arrays.stream(answers).filter(TXTRecord.class::isInstance)
                    .map(record -> String.join("", ((TXTRecord) record).getStrings())).toList();
            case Lookup.HOST_NOT_FOUND, Lookup.TYPE_NOT_FOUND -> List.of();
            default -> {
                LOG.warning(() -> "DNS lookup of TXT " + asciiDomain + " failed: " + lookup.getErrorString());
                throw new DnsUnavailableException(asciiDomain, lookup.getErrorString());
            }
        };
    }
}
