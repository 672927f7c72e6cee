package org.openenvelope.addin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openenvelope.testing.TestAccounts;
import org.openenvelope.error.ConflictException;
import org.openenvelope.user.AccountUser;
import org.openenvelope.user.UserOrigin;

class EncryptionFlowTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private final AccountUser sender = new AccountUser(TestAccounts.account(), "alice@example.com",
            UserOrigin.ADMINISTRATOR, "ada", T0);

    @Test
    void aFlowStartsInitiatedAndAuthenticatedAtOnce() {
        EncryptionFlow flow = new EncryptionFlow(sender, "alice@example.com", EncryptionType.ENCRYPT, T0);
        assertEquals(List.of(FlowStepName.INITIATED, FlowStepName.AUTHENTICATED), flow.getSteps().stream().map(FlowStep::getStep).toList());
        assertTrue(flow.getSteps().stream().allMatch(s -> s.getReachedAt().equals(T0) && !s.isFailed()));
        assertEquals(Optional.of(FlowStepName.ENCRYPTED), flow.nextStep());
        assertEquals(EncryptionFlow.Outcome.IN_PROGRESS, flow.getOutcome());
    }

    @Test
    void encryptTakesItsFourStepsInOrderAndCompletesWithTheLast() {
        EncryptionFlow flow = new EncryptionFlow(sender, "alice@example.com", EncryptionType.ENCRYPT, T0);
        ConflictException early = assertThrows(ConflictException.class, () -> flow.reached(FlowStepName.SENT, T0));
        assertEquals("The next step of this flow is Message Encrypted, not Message Sent.", early.getMessage());
        flow.reached(FlowStepName.ENCRYPTED, T0.plusSeconds(3));
        assertEquals(EncryptionFlow.Outcome.IN_PROGRESS, flow.getOutcome());
        flow.reached(FlowStepName.SENT, T0.plusSeconds(3));
        assertEquals(EncryptionFlow.Outcome.COMPLETED, flow.getOutcome());
        assertEquals(Optional.empty(), flow.nextStep());
        assertEquals("This flow has already completed.",
                assertThrows(ConflictException.class, () -> flow.reached(FlowStepName.SENT, T0)).getMessage());
    }

    @Test
    void flagEndsWithTheFlagAndNeverTakesTheEncryptSteps() {
        EncryptionFlow flow = new EncryptionFlow(sender, "alice@example.com", EncryptionType.FLAG, T0);
        assertThrows(ConflictException.class, () -> flow.reached(FlowStepName.ENCRYPTED, T0));
        flow.reached(FlowStepName.FLAGGED, T0.plusSeconds(1));
        assertEquals(EncryptionFlow.Outcome.COMPLETED, flow.getOutcome());
    }

    @Test
    void aFailedStepEndsTheFlowWithItsReason() {
        EncryptionFlow flow = new EncryptionFlow(sender, "alice@example.com", EncryptionType.ENCRYPT, T0);
        flow.failed(FlowStepName.ENCRYPTED, "encryption_not_available", "Not available", T0.plusSeconds(1));
        assertEquals(EncryptionFlow.Outcome.FAILED, flow.getOutcome());
        assertEquals("encryption_not_available", flow.getFailureCode());
        FlowStep failed = flow.getSteps().get(2);
        assertTrue(failed.isFailed());
        assertEquals("Not available", failed.getDetail());
        assertEquals("This flow has already failed.",
                assertThrows(ConflictException.class, () -> flow.reached(FlowStepName.SENT, T0)).getMessage());
    }

    @Test
    void aLongReasonIsCutToWhatTheColumnHolds() {
        EncryptionFlow flow = new EncryptionFlow(sender, "alice@example.com", EncryptionType.FLAG, T0);
        flow.failed(FlowStepName.FLAGGED, "addin_failed", "x".repeat(2000), T0);
        assertEquals(FlowStep.MAX_DETAIL, flow.getSteps().get(2).getDetail().length());
        assertTrue(flow.getSteps().get(2).getDetail().endsWith("…"));
    }

    private EncryptionFlow encrypt() {
        return EncryptionFlow.encrypt(sender, "alice@example.com", "AAMkDraft=", "https://envelope.example", T0);
    }

    @Test
    void anEncryptFlowGoesFromTheDraftToTheMessageSentAndTheDraftDeleted() {
        EncryptionFlow flow = encrypt();
        assertEquals(EncryptPhase.PENDING, flow.getPhase());
        String lease = flow.claim(T0, T0.plusSeconds(300)).orElseThrow();
        assertTrue(flow.heldWith(lease, T0.plusSeconds(10)));
        assertTrue(flow.claim(T0.plusSeconds(10), T0.plusSeconds(310)).isEmpty(), "held by one worker until its lease runs out");
        String next = flow.claim(T0.plusSeconds(300), T0.plusSeconds(600)).orElseThrow();
        assertFalse(flow.heldWith(lease, T0.plusSeconds(301)), "a lease that ran out and was taken is lost");
        assertTrue(flow.heldWith(next, T0.plusSeconds(301)));
        assertEquals(2, flow.getAttempts());
        flow.sealed("env1", T0.plusSeconds(1));
        assertEquals(Optional.of(FlowStepName.SENT), flow.nextStep(), "Message Encrypted reached");
        flow.created("out1", false);
        assertEquals(EncryptPhase.CREATED, flow.getPhase());
        flow.attached();
        flow.sending(T0.plusSeconds(2));
        assertEquals(T0.plusSeconds(2), flow.getSendRequestedAt());
        flow.sent(T0.plusSeconds(3));
        assertEquals(EncryptionFlow.Outcome.COMPLETED, flow.getOutcome());
        assertEquals(EncryptPhase.SENT, flow.getPhase(), "the draft is still to be deleted");
        flow.dueAgainAt(T0.plusSeconds(4));
        assertTrue(flow.isDue(T0.plusSeconds(4)), "a sent flow whose draft is not deleted yet is still worked on");
        flow.draftDeleted();
        assertEquals(EncryptPhase.DONE, flow.getPhase());
        assertFalse(flow.isDue(T0.plusSeconds(400)));
    }

    @Test
    void aFlowStartsOverOnlyBeforeItsMessageWasSent() {
        EncryptionFlow flow = encrypt();
        flow.sealed("env1", T0);
        flow.created("out1", true);
        flow.startedOver();
        assertEquals(EncryptPhase.PENDING, flow.getPhase());
        assertEquals(null, flow.getEnvelopeId());
        flow.sealed("env2", T0.plusSeconds(1));
        assertEquals(3, flow.getSteps().size(), "Message Encrypted is reached once");
        flow.created("out2", true);
        flow.sending(T0);
        assertThrows(IllegalStateException.class, flow::startedOver, "a message that may be on its way is never made again");
        flow.sendRefused();
        assertEquals(EncryptPhase.READY, flow.getPhase());
    }

    @Test
    void onlyAFailureThatMayGoAwayIsTriedAgain() {
        EncryptionFlow throttled = encrypt();
        throttled.failed("throttled", "Microsoft asked to wait", true, T0);
        assertFalse(throttled.isDue(T0.plusSeconds(60)), "a failed flow waits for Try again");
        throttled.retry(T0.plusSeconds(60));
        assertEquals(EncryptionFlow.Outcome.IN_PROGRESS, throttled.getOutcome());
        assertEquals(Optional.of(FlowStepName.ENCRYPTED), throttled.nextStep(), "the failed step is taken back");
        assertTrue(throttled.isDue(T0.plusSeconds(60)));

        EncryptionFlow denied = encrypt();
        denied.failed("permission_missing", "needs Mail.Read", false, T0);
        ConflictException refused = assertThrows(ConflictException.class, () -> denied.retry(T0));
        assertTrue(refused.getMessage().contains("needs Mail.Read"), refused.getMessage());
        assertThrows(ConflictException.class, () -> encrypt().retry(T0), "only a failed flow");
    }
}
