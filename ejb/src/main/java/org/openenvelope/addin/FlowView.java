package org.openenvelope.addin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Encryption Flow Summary of one message: every step of the flow, reached ones with their time, a failed one
 * with its reason, the rest pending (after a failure: never reached); {@code retryable} when Try again may help.
 */
public record FlowView(String id, EncryptionType encryptionType, EncryptionFlow.Outcome outcome, String failureCode,
                       boolean retryable, List<Step> steps) {

    public enum Status { DONE, FAILED, PENDING }

    public record Step(FlowStepName step, String label, Status status, Instant at, String detail) {
    }

    static FlowView of(EncryptionFlow flow) {
        List<Step> steps = new ArrayList<>();
        for (FlowStep reached : flow.getSteps()) {
            steps.add(new Step(reached.getStep(), reached.getStep().label(),
                    reached.isFailed() ? Status.FAILED : Status.DONE, reached.getReachedAt(), reached.getDetail()));
        }
        flow.expectedSteps().stream().skip(steps.size())
                .forEach(s -> steps.add(new Step(s, s.label(), Status.PENDING, null, null)));
        return new FlowView(flow.getPublicId(), flow.getEncryptionType(), flow.getOutcome(), flow.getFailureCode(),
                flow.isRetryable(), List.copyOf(steps));
    }
}
