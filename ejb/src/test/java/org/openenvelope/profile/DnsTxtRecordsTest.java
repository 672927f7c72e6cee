package org.openenvelope.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openenvelope.testing.LoopbackDnsServer;

/** TXT lookups against a real DNS server on loopback. */
class DnsTxtRecordsTest {

    private LoopbackDnsServer dns;
    private DnsTxtRecords records;

    @BeforeEach
    void start() throws Exception {
        dns = LoopbackDnsServer.start(0);
        records = new DnsTxtRecords();
        records.resolvers = Optional.of(" " + dns.address() + " ");
        records.timeoutSeconds = 2;
        records.configure();
    }

    @AfterEach
    void stop() throws InterruptedException {
        dns.close();
    }

    @Test
    void readsEveryTxtRecordOfTheDomainAfreshEachTime() {
        dns.publishTxt("example.com", "v=spf1 -all");
        assertEquals(List.of("v=spf1 -all"), records.of("example.com"));

        String long300 = "openenvelope-verification=" + "a".repeat(274);
        dns.publishTxt("example.com", long300);
        assertEquals(List.of("v=spf1 -all", long300), records.of("example.com"),
                "no cache, and a record longer than one character string is joined");
    }

    @Test
    void anUnknownDomainHasNoRecordsButAFailingServerIsAnError() {
        assertTrue(records.of("nothing-here.example").isEmpty());

        dns.failing(true);
        DnsUnavailableException failed = assertThrows(DnsUnavailableException.class, () -> records.of("example.com"));
        assertTrue(failed.getMessage().startsWith("The DNS lookup of example.com did not succeed"), failed.getMessage());
    }
}
