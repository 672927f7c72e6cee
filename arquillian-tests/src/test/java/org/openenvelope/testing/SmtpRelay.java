package org.openenvelope.testing;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail as the service's SMTP relay, on the port the container was told ({@code openenvelope.test.fake-smtp-port}),
 * one per test class; given more than its default 2 s to start on a loaded machine.
 */
public final class SmtpRelay {

    private SmtpRelay() {
    }

    public static GreenMailExtension forTestClass() {
        ServerSetup setup = new ServerSetup(Integer.getInteger("openenvelope.test.fake-smtp-port"), "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(30_000);
        return new GreenMailExtension(setup).withPerMethodLifecycle(false);
    }
}
