package org.openenvelope.envelope;

/** Why an envelope does not open for a recipient now; the code is what the audit log and the API say. */
public enum EnvelopeRefusal {
    /** The address is not among the envelope's recipients. */
    NOT_A_RECIPIENT("not_a_recipient"),
    /** The sender or an administrator locked it; the reason is shown. */
    LOCKED("locked"),
    /** Its expiry has passed. */
    EXPIRED("expired"),
    /** Revoked for this recipient, or its key is destroyed. */
    REVOKED("revoked"),
    /** The recipient signed in in a way the sender's account does not allow (its Features). */
    SIGN_IN_METHOD_NOT_ALLOWED("sign_in_method_not_allowed"),
    /** The recipient signed in longer ago than the sender's account allows (its Security). */
    SIGN_IN_AGAIN("sign_in_again"),
    /** The recipient's password was chosen under a shorter minimum than the sender's account requires. */
    PASSWORD_POLICY_NOT_MET("password_policy_not_met"),
    /** The sender's account does not let the page without JavaScript decrypt on the server. */
    NO_SCRIPT_NOT_ALLOWED("no_script_not_allowed");

    private final String code;

    EnvelopeRefusal(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
