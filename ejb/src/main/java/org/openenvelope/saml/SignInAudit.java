package org.openenvelope.saml;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.operations.ServiceLog;
import org.openenvelope.saml.xml.SamlRejectedException;

/**
 * Records refused SSO messages in a transaction of their own: the refusal rolls the sign-in back, but the
 * administrator must still see that it happened and why. The reason code also goes to the server log.
 */
@Stateless
public class SignInAudit {

    private static final Logger LOG = ServiceLog.logger(SignInAudit.class);

    @Inject
    AuditLog audit;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void refused(String accountNumber, String what, SamlRejectedException e) {
        LOG.warning(() -> "SAML " + what + " refused for account " + accountNumber + ": " + e.failure().code()
                + ": " + e.detail());
        audit.recordAs("sso", AuditAction.SSO_SIGN_IN_REFUSED, accountNumber,
                what + " refused (" + e.failure().code() + "): " + e.detail());
    }
}
