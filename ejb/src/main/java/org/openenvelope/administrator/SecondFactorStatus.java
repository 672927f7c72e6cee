package org.openenvelope.administrator;

import java.io.Serializable;
import java.time.Instant;

/** The signed-in administrator's own second factor: whether it is set up, since when, and how many recovery codes remain. */
public record SecondFactorStatus(boolean enrolled, Instant enrolledAt, int unusedRecoveryCodes, boolean required) implements Serializable {
}
