package org.openenvelope.addin;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/** One reached step of a flow: done, or failed with the reason in plain words. */
@Embeddable
public class FlowStep {

    public static final int MAX_DETAIL = 500;

    @Enumerated(EnumType.STRING)
    @Column(name = "step", nullable = false, length = 16)
    private FlowStepName step;

    @Column(name = "failed", nullable = false)
    private boolean failed;

    @Column(name = "reached_at", nullable = false)
    private Instant reachedAt;

    @Column(name = "detail", length = MAX_DETAIL)
    private String detail;

    protected FlowStep() {
    }

    FlowStep(FlowStepName step, boolean failed, Instant reachedAt, String detail) {
        this.step = step;
        this.failed = failed;
        this.reachedAt = reachedAt;
        this.detail = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL - 1) + "…";
    }

    public FlowStepName getStep() {
        return step;
    }

    public boolean isFailed() {
        return failed;
    }

    public Instant getReachedAt() {
        return reachedAt;
    }

    public String getDetail() {
        return detail;
    }
}
