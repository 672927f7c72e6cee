package org.openenvelope.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServiceLogTest {

    private final Logger logger = ServiceLog.logger(ServiceLogTest.class);
    private final List<LogRecord> published = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            published.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        logger.setUseParentHandlers(false);
        logger.addHandler(capture);
        logger.setLevel(Level.ALL);
    }

    @AfterEach
    void release() {
        ServiceLog.endRequest();
        logger.removeHandler(capture);
    }

    @Test
    void recordsOfARequestCarryItsIdAndAccountBesideTheirOwnParameters() {
        ServiceLog.beginRequest("req-1");
        ServiceLog.account("12345678");
        logger.log(Level.WARNING, "Refused {0}", "because");

        LogRecord record = published.get(0);
        assertEquals("because", record.getParameters()[0], "the message's own parameter stays first");
        assertEquals(Map.of(ServiceLog.REQUEST_ID, "req-1", ServiceLog.ACCOUNT_NUMBER, "12345678"),
                record.getParameters()[1]);
        assertEquals("Refused because", new java.util.logging.SimpleFormatter().formatMessage(record),
                "the message reads as before");
    }

    @Test
    void anEventNamesItsCodeAndAccountAndTheRequestsId() {
        ServiceLog.beginRequest("req-2");
        ServiceLog.event(logger, Level.FINE, "sign-in.failed", "87654321", () -> "alice@example.com: Wrong password");

        LogRecord record = published.get(0);
        assertEquals(Map.of(ServiceLog.EVENT, "sign-in.failed", ServiceLog.ACCOUNT_NUMBER, "87654321",
                ServiceLog.REQUEST_ID, "req-2"), record.getParameters()[0]);
        assertEquals(ServiceLogTest.class.getName(), record.getSourceClassName(), "not ServiceLog, which only wrote it");
    }

    @Test
    void outsideARequestNothingIsAddedAndAnAccountIsIgnored() {
        ServiceLog.account("12345678");
        logger.info("housekeeping");

        assertNull(published.get(0).getParameters());
        assertTrue(ServiceLog.requestId().isEmpty());
    }

    @Test
    void whatCannotBeAnAccountNumberNeverReachesTheLog() {
        ServiceLog.beginRequest("req-3");
        ServiceLog.account("x\n{\"forged\":true}");
        logger.info("line");

        assertEquals(Map.of(ServiceLog.REQUEST_ID, "req-3"), published.get(0).getParameters()[0]);
    }
}
