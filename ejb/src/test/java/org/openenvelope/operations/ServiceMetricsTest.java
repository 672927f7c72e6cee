package org.openenvelope.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openenvelope.operations.ServiceMetrics.Outcome;
import org.openenvelope.operations.ServiceMetrics.SignInMethod;

class ServiceMetricsTest {

    private final ServiceMetrics metrics = new ServiceMetrics();

    {
        metrics.afterCommit = new AfterCommit();
        metrics.registerJvmMetrics();
    }

    @Test
    void labelValuesAreCodesAndNothingElse() {
        assertEquals("replayed_assertion", ServiceMetrics.code("replayed_assertion"));
        assertEquals("sso_sign_in_refused", ServiceMetrics.code("sso.sign-in-refused"));
        assertEquals("none", ServiceMetrics.code(null));
        assertEquals("other", ServiceMetrics.code("alice@example.com"), "free text never becomes a label");
        assertEquals("other", ServiceMetrics.code("a".repeat(49)), "nor does a long value");
    }

    @Test
    void signInsAreCountedByMethodOutcomeAndReason() throws Exception {
        metrics.signIn(SignInMethod.SAML, Outcome.REFUSED, "replayed_assertion");
        metrics.signIn(SignInMethod.SAML, Outcome.REFUSED, "replayed_assertion");
        metrics.signIn(SignInMethod.ADMINISTRATOR_PASSWORD, Outcome.SUCCEEDED, null);
        metrics.assertionConsumed("refused", System.nanoTime());

        String text = exposition();
        assertTrue(text.contains(
                "openenvelope_sign_ins_total{method=\"saml\",outcome=\"refused\",reason=\"replayed_assertion\"} 2.0"), text);
        assertTrue(text.contains(
                "openenvelope_sign_ins_total{method=\"administrator_password\",outcome=\"succeeded\",reason=\"none\"} 1.0"), text);
        assertTrue(text.contains("openenvelope_saml_acs_duration_seconds_count{outcome=\"refused\"} 1"), text);
        assertTrue(text.contains("jvm_memory_used_bytes"), "the JVM's own metrics come along");
    }

    private String exposition() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
