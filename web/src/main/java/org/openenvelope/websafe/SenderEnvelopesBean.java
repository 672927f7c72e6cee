package org.openenvelope.websafe;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.openenvelope.envelope.EnvelopeView;
import org.openenvelope.error.FormErrors;
import org.openenvelope.error.ServiceException;
import org.openenvelope.persistence.Page;

/** The user portal's "Your envelopes": the signed-in sender's own envelopes and their control. */
@Named("senderEnvelopes")
@ViewScoped
public class SenderEnvelopesBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    SenderEnvelopes service;

    private int page = 1;
    private Page<EnvelopeView> envelopes;
    private final Map<String, String> lockReasons = new HashMap<>();

    public void load() throws IOException {
        String key = sessionKey();
        if (key == null || !service.isSignedIn(key)) {
            FacesContext.getCurrentInstance().getExternalContext().redirect(
                    FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/websafe/login");
            return;
        }
        envelopes = service.page(key, page - 1);
    }

    public String lock(EnvelopeView envelope) {
        return act(key -> service.lock(key, envelope.id(), lockReasons.get(envelope.id())),
                "Locked; the recipients see your reason.");
    }

    public String unlock(EnvelopeView envelope) {
        return act(key -> service.unlock(key, envelope.id()), "Unlocked.");
    }

    public String revoke(EnvelopeView envelope, String address) {
        return act(key -> service.revoke(key, envelope.id(), address), "Revoked for " + address + ".");
    }

    public String revokeForEveryone(EnvelopeView envelope) {
        return act(key -> service.revokeForEveryone(key, envelope.id()),
                "Revoked for everyone; its key is destroyed and no copy opens again.");
    }

    private String act(Function<String, EnvelopeView> action, String done) {
        try {
            action.apply(sessionKey());
            FormErrors.info(done);
            return "/websafe/envelopes.xhtml?faces-redirect=true";
        } catch (ServiceException refusal) {
            FormErrors.show(refusal);
            return null;
        }
    }

    private static String sessionKey() {
        return UserPortalCookie.read((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest()).orElse(null);
    }

    public Page<EnvelopeView> getEnvelopes() { return envelopes; }
    public Map<String, String> getLockReasons() { return lockReasons; }
    public int getPage() { return page; }
    public void setPage(int page) { this.page = page; }
}
