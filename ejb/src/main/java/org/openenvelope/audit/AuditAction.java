package org.openenvelope.audit;

/** What an audit event records; the code is what is stored and what the REST API returns. */
public enum AuditAction {
    SERVICE_ADMINISTRATOR_CREATED("service-administrator.created"),
    DATABASE_BACKED_UP("database.backed-up"),
    ACCOUNT_CREATED("account.created"),
    ACCOUNT_RENAMED("account.renamed"),
    ACCOUNT_SUSPENDED("account.suspended"),
    ACCOUNT_REACTIVATED("account.reactivated"),
    PROFILE_ENTRIES_ADDED("profile.entries-added"),
    PROFILE_ENTRY_REMOVED("profile.entry-removed"),
    PROFILE_ENTRY_VERIFIED("profile.entry-verified"),
    ADMINISTRATOR_ADDED("administrator.added"),
    ADMINISTRATOR_REMOVED("administrator.removed"),
    PASSWORD_CHANGED("administrator.password-changed"),
    SIGN_IN_SUCCEEDED("sign-in.succeeded"),
    SIGN_IN_FAILED("sign-in.failed"),
    SIGN_IN_LOCKED("sign-in.locked"),
    TOKEN_CREATED("token.created"),
    TOKEN_REVOKED("token.revoked"),
    USER_ADDED("user.added"),
    USER_REMOVED("user.removed"),
    USER_CREATED_JUST_IN_TIME("user.created-just-in-time"),
    ADDIN_DOMAIN_CONFIGURED("addin.domain-configured"),
    ADDIN_MANIFEST_DOWNLOADED("addin.manifest-downloaded"),
    ADDIN_SIGNED_IN("addin.signed-in"),
    ADDIN_SIGNED_OUT("addin.signed-out"),
    ADDIN_SESSIONS_ENDED("addin.sessions-ended"),
    ADDIN_FLOW_ENDED("addin.flow-ended"),
    MICROSOFT_365_DETAILS_SAVED("microsoft.details-saved"),
    MICROSOFT_365_CONNECTION_TESTED("microsoft.connection-tested"),
    USER_ONE_TIME_PASSWORD_SET("user.one-time-password-set"),
    USER_PASSWORD_CHANGED("user.password-changed"),
    USER_PASSWORD_SIGN_IN_SUCCEEDED("websafe.password-sign-in-succeeded"),
    USER_PASSWORD_SIGN_IN_FAILED("websafe.password-sign-in-failed"),
    SERVICE_PROVIDER_KEY_CREATED("saml.sp-key-created"),
    SERVICE_PROVIDER_KEY_ACTIVATED("saml.sp-key-activated"),
    SERVICE_PROVIDER_KEY_RETIRED("saml.sp-key-retired"),
    SERVICE_PROVIDER_ENTITY_ID_CHANGED("saml.sp-entity-id-changed"),
    IDENTITY_PROVIDER_CONFIGURED("saml.idp-configured"),
    IDENTITY_PROVIDER_METADATA_IMPORTED("saml.idp-metadata-imported"),
    IDENTITY_PROVIDER_METADATA_REFRESHED("saml.idp-metadata-refreshed"),
    IDENTITY_PROVIDER_METADATA_REFRESH_FAILED("saml.idp-metadata-refresh-failed"),
    IDENTITY_PROVIDER_DOMAINS_ASSIGNED("saml.idp-domains-assigned"),
    IDENTITY_PROVIDER_REMOVED("saml.idp-removed"),
    SSO_TEST_STARTED("sso.test-started"),
    SSO_TEST_COMPLETED("sso.test-completed"),
    SSO_ENABLED("sso.enabled"),
    SSO_DISABLED("sso.disabled"),
    SSO_SIGN_IN_SUCCEEDED("sso.sign-in-succeeded"),
    SSO_SIGN_IN_REFUSED("sso.sign-in-refused"),
    SSO_SIGNED_OUT("sso.signed-out"),
    SSO_LOGOUT_REQUESTED_BY_IDP("sso.logout-by-idp"),
    ACCOUNT_FEATURES_CHANGED("account.features-changed"),
    NOTIFICATION_TEMPLATE_CHANGED("account.template-changed"),
    ACCOUNT_SECURITY_CHANGED("account.security-changed"),
    ENVELOPE_SEALED("envelope.sealed"),
    ENVELOPE_SENT("envelope.sent"),
    ENVELOPE_LOCKED("envelope.locked"),
    ENVELOPE_UNLOCKED("envelope.unlocked"),
    ENVELOPE_EXPIRY_CHANGED("envelope.expiry-changed"),
    ENVELOPE_REVOKED("envelope.revoked"),
    ENVELOPE_KEY_DESTROYED("envelope.key-destroyed"),
    ENVELOPE_OPENED("envelope.opened"),
    ENVELOPE_OPEN_REFUSED("envelope.open-refused"),
    ENVELOPE_REPLIED("envelope.replied"),
    RECIPIENT_CODE_SENT("recipient.code-sent"),
    RECIPIENT_LINK_SENT("recipient.link-sent"),
    RECIPIENT_SIGNED_IN("recipient.signed-in"),
    RECIPIENT_SIGN_IN_FAILED("recipient.sign-in-failed"),
    RECIPIENT_PASSWORD_SET("recipient.password-set");

    private final String code;

    AuditAction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
