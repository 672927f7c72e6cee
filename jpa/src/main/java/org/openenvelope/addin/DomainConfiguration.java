package org.openenvelope.addin;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/** One domain's row of step 2, as stored. */
@Embeddable
public class DomainConfiguration {

    @Column(name = "domain", nullable = false, length = 253)
    private String domain;

    @Enumerated(EnumType.STRING)
    @Column(name = "encryption_type", nullable = false, length = 8)
    private EncryptionType encryptionType;

    @Column(name = "remember_password_days", nullable = false)
    private int rememberPasswordDays;

    @Enumerated(EnumType.STRING)
    @Column(name = "flag_type", nullable = false, length = 8)
    private FlagType flagType;

    @Column(name = "flag_value", nullable = false, length = DomainSettings.MAX_FLAG)
    private String flagValue;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 254)
    private String updatedBy;

    protected DomainConfiguration() {
    }

    DomainConfiguration(String domain, DomainSettings settings, String actor, Instant now) {
        this.domain = domain;
        apply(settings, actor, now);
    }

    void apply(DomainSettings settings, String actor, Instant now) {
        encryptionType = settings.encryptionType();
        rememberPasswordDays = settings.rememberPasswordDays();
        flagType = settings.flagType();
        flagValue = settings.flagValue();
        updatedAt = now;
        updatedBy = actor;
    }

    public DomainSettings settings() {
        return new DomainSettings(encryptionType, rememberPasswordDays, flagType, flagValue);
    }

    public String getDomain() {
        return domain;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
