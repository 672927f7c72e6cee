package org.openenvelope.recipient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openenvelope.account.Account;
import org.openenvelope.error.RejectedValuesException;
import org.openenvelope.error.ValueProblem;

/** An account's Security tab: how its recipients must sign in; without a row, {@link RecipientSecurity#defaults}. */
@Entity
@Table(name = "account_security")
public class AccountSecurity {

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @MapsId
    @OneToOne(optional = false)
    @JoinColumn(name = "account_id")
    private Account account;

    @Column(name = "password_min_length", nullable = false)
    private int passwordMinLength;

    @Column(name = "reject_common_passwords", nullable = false)
    private boolean rejectCommonPasswords;

    @Column(name = "free_attempts", nullable = false)
    private int freeAttempts;

    @Column(name = "first_lock_minutes", nullable = false)
    private int firstLockMinutes;

    @Column(name = "session_minutes", nullable = false)
    private int sessionMinutes;

    @Column(name = "no_script_reading", nullable = false)
    private boolean noScriptReading;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 254)
    private String updatedBy;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected AccountSecurity() {
    }

    public AccountSecurity(Account account) {
        this.account = account;
    }

    /**
     * Takes these settings after checking them all; nothing changes unless every value is valid.
     *
     * @throws RejectedValuesException naming each field out of its range
     */
    public void change(RecipientSecurity security, String actor, Instant now) {
        List<ValueProblem> problems = new ArrayList<>();
        range(problems, "passwordMinLength", security.passwordMinLength(), 12, 64, "The shortest password", "characters");
        range(problems, "freeAttempts", security.freeAttempts(), 3, 10, "The wrong passwords before a pause", "");
        range(problems, "firstLockMinutes", security.firstLockMinutes(), 1, 30, "The first pause", "minutes");
        range(problems, "sessionMinutes", security.sessionMinutes(), 5, 1440, "The recipient session", "minutes");
        if (!problems.isEmpty()) {
            throw new RejectedValuesException(problems);
        }
        passwordMinLength = security.passwordMinLength();
        rejectCommonPasswords = security.rejectCommonPasswords();
        freeAttempts = security.freeAttempts();
        firstLockMinutes = security.firstLockMinutes();
        sessionMinutes = security.sessionMinutes();
        noScriptReading = security.noScriptReading();
        updatedBy = actor;
        updatedAt = now;
    }

    private static void range(List<ValueProblem> problems, String field, int value, int min, int max, String what,
                              String unit) {
        if (value < min || value > max) {
            problems.add(new ValueProblem(field, Integer.toString(value), what + " must be " + min + " to " + max
                    + (unit.isEmpty() ? "" : " " + unit) + "."));
        }
    }

    public RecipientSecurity security() {
        return new RecipientSecurity(passwordMinLength, rejectCommonPasswords, freeAttempts, firstLockMinutes,
                sessionMinutes, noScriptReading);
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
