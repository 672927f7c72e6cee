package org.openenvelope.addin;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
