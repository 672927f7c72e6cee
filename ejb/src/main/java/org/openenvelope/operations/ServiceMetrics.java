package org.openenvelope.operations;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the service did, counted for Prometheus: sign-ins by method, outcome and reason, the SAML assertion
 * consumer's latency, Microsoft Graph calls, envelopes sealed and opened, add-in flows and rate-limit refusals.
 * Labels carry only fixed codes (never an address, an account number or a secret), so their number stays small.
 * Inside a transaction a count is taken when it commits: a rolled-back sign-in was not one.
 */
@ApplicationScoped
public class ServiceMetrics {

    /** Sign-in outcomes, as the {@code outcome} label says them. */
    public enum Outcome {
        SUCCEEDED, REFUSED, PAUSED, INCOMPLETE, ERROR;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Ways in, as the {@code method} label says them. */
    public enum SignInMethod {
        ADMINISTRATOR_PASSWORD, ADMINISTRATOR_SECOND_FACTOR, USER_PASSWORD, ADDIN_PASSWORD, SAML, RECIPIENT_CODE,
        RECIPIENT_PASSWORD;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Pattern CODE = Pattern.compile("[a-z0-9_]{1,48}");
    private static final PrometheusTextFormatWriter TEXT = PrometheusTextFormatWriter.create();

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter signIns = Counter.builder().name("openenvelope_sign_ins")
            .help("Sign-ins by method, outcome and reason code").labelNames("method", "outcome", "reason")
            .register(registry);
    private final Histogram assertionConsumer = Histogram.builder().name("openenvelope_saml_acs_duration_seconds")
            .help("Time to validate a SAML Response at the assertion consumer service and answer it, by outcome")
            .labelNames("outcome").classicOnly()
            .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
            .register(registry);
    private final Counter graphCalls = Counter.builder().name("openenvelope_graph_calls")
            .help("Microsoft Graph and Entra ID calls by operation and outcome (ok, throttled, failed, unreachable)")
            .labelNames("operation", "outcome").register(registry);
    private final Counter envelopesSealed = Counter.builder().name("openenvelope_envelopes_sealed")
            .help("Envelopes sealed, by the channel that asked").labelNames("channel").register(registry);
    private final Counter envelopesOpened = Counter.builder().name("openenvelope_envelopes_opened")
            .help("Envelopes whose key was released to a signed-in recipient").register(registry);
    private final Counter addinFlows = Counter.builder().name("openenvelope_addin_flows")
            .help("Outlook add-in flows that ended, by type and outcome").labelNames("type", "outcome")
            .register(registry);
    private final Counter scheduledRuns = Counter.builder().name("openenvelope_scheduled_runs")
            .help("Runs of scheduled work this node claimed (on a cluster, one node claims each)").labelNames("work")
            .register(registry);
    private final Counter rateLimited = Counter.builder().name("openenvelope_rate_limit_refusals")
            .help("Requests refused for going over a rate limit, by limit").labelNames("limit").register(registry);

    @Inject
    AfterCommit afterCommit;

    @PostConstruct
    void registerJvmMetrics() {
        JvmMetrics.builder().register(registry);
    }

    public void signIn(SignInMethod method, Outcome outcome, String reason) {
        afterCommit.run(() -> signIns.labelValues(method.label(), outcome.label(), code(reason)).inc());
    }

    /**
     * An answer of the assertion consumer service that began at {@code startNanos} ({@link System#nanoTime()}):
     * {@code succeeded}, {@code refused}, {@code error} or {@code sso_test}.
     */
    public void assertionConsumed(String outcome, long startNanos) {
        assertionConsumer.labelValues(code(outcome)).observe((System.nanoTime() - startNanos) / 1e9);
    }

    public void graphCall(String operation, String outcome) {
        graphCalls.labelValues(code(operation), code(outcome)).inc();
    }

    public void envelopeSealed(String channel) {
        afterCommit.run(() -> envelopesSealed.labelValues(code(channel)).inc());
    }

    public void envelopeOpened() {
        afterCommit.run(envelopesOpened::inc);
    }

    public void addinFlowEnded(String type, String outcome) {
        afterCommit.run(() -> addinFlows.labelValues(code(type), code(outcome)).inc());
    }

    public void scheduledRun(String work) {
        afterCommit.run(() -> scheduledRuns.labelValues(code(work)).inc());
    }

    public void rateLimited(String limit) {
        rateLimited.labelValues(code(limit)).inc();
    }

    /** The Prometheus text exposition (format 0.0.4) of every metric. */
    public void writeTo(OutputStream out) throws IOException {
        TEXT.write(out, registry.scrape());
    }

    public String contentType() {
        return TEXT.getContentType();
    }

    /** A label value from a code: lower case, else {@code other}, so no free text reaches a label. */
    static String code(String value) {
        if (value == null || value.isEmpty()) {
            return "none";
        }
        String lower = value.toLowerCase(Locale.ROOT).replace('-', '_').replace('.', '_');
        return CODE.matcher(lower).matches() ? lower : "other";
    }
}
