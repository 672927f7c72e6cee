package org.openenvelope.envelope;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.openenvelope.account.AccountTab;
import org.openenvelope.account.AccountTabBean;
import org.openenvelope.error.FormErrors;
import org.openenvelope.error.ServiceException;

/** The Features tab: one form for what the account's envelopes allow. */
@Named("features")
@ViewScoped
public class FeaturesBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String[] FIELDS = {"secureReply", "replyAll", "forward", "readReceipts", "defaultExpiryDays",
        "maxExpiryDays", "maxMessageMegabytes", "passwordSignIn", "codeSignIn", "ssoSignIn"};

    @EJB
    AccountFeaturesService service;

    @Inject
    AccountTabBean tab;

    private FeaturesView view;
    private boolean secureReply;
    private boolean replyAll;
    private boolean forward;
    private boolean readReceipts;
    private Integer defaultExpiryDays;
    private Integer maxExpiryDays;
    private Integer maxMessageMegabytes;
    private boolean passwordSignIn;
    private boolean codeSignIn;
    private boolean ssoSignIn;

    public void load() throws IOException {
        if (tab.open(AccountTab.FEATURES) && view == null) {
            view = service.features(tab.getNumber());
            EnvelopeFeatures f = view.features();
            secureReply = f.secureReply();
            replyAll = f.replyAll();
            forward = f.forward();
            readReceipts = f.readReceipts();
            defaultExpiryDays = f.defaultExpiryDays();
            maxExpiryDays = f.maxExpiryDays();
            maxMessageMegabytes = f.maxMessageMegabytes();
            passwordSignIn = f.passwordSignIn();
            codeSignIn = f.codeSignIn();
            ssoSignIn = f.ssoSignIn();
        }
    }

    public String save() {
        try {
            service.changeFeatures(tab.getNumber(), new EnvelopeFeatures(secureReply, replyAll, forward, readReceipts,
                    defaultExpiryDays, maxExpiryDays, maxMessageMegabytes, passwordSignIn, codeSignIn, ssoSignIn));
            FormErrors.info("The features are saved; they apply from now on.");
            return tab.reload();
        } catch (ServiceException refusal) {
            Map<String, String> fields = new HashMap<>();
            for (String field : FIELDS) {
                fields.put(field, "features:" + field);
            }
            FormErrors.showEachField(refusal, fields);
            return null;
        }
    }

    public FeaturesView getView() {
        return view;
    }

    public boolean isSecureReply() {
        return secureReply;
    }

    public void setSecureReply(boolean secureReply) {
        this.secureReply = secureReply;
    }

    public boolean isReplyAll() {
        return replyAll;
    }

    public void setReplyAll(boolean replyAll) {
        this.replyAll = replyAll;
    }

    public boolean isForward() {
        return forward;
    }

    public void setForward(boolean forward) {
        this.forward = forward;
    }

    public boolean isReadReceipts() {
        return readReceipts;
    }

    public void setReadReceipts(boolean readReceipts) {
        this.readReceipts = readReceipts;
    }

    public Integer getDefaultExpiryDays() {
        return defaultExpiryDays;
    }

    public void setDefaultExpiryDays(Integer defaultExpiryDays) {
        this.defaultExpiryDays = defaultExpiryDays;
    }

    public Integer getMaxExpiryDays() {
        return maxExpiryDays;
    }

    public void setMaxExpiryDays(Integer maxExpiryDays) {
        this.maxExpiryDays = maxExpiryDays;
    }

    public Integer getMaxMessageMegabytes() {
        return maxMessageMegabytes;
    }

    public void setMaxMessageMegabytes(Integer maxMessageMegabytes) {
        this.maxMessageMegabytes = maxMessageMegabytes;
    }

    public boolean isPasswordSignIn() {
        return passwordSignIn;
    }

    public void setPasswordSignIn(boolean passwordSignIn) {
        this.passwordSignIn = passwordSignIn;
    }

    public boolean isCodeSignIn() {
        return codeSignIn;
    }

    public void setCodeSignIn(boolean codeSignIn) {
        this.codeSignIn = codeSignIn;
    }

    public boolean isSsoSignIn() {
        return ssoSignIn;
    }

    public void setSsoSignIn(boolean ssoSignIn) {
        this.ssoSignIn = ssoSignIn;
    }
}
