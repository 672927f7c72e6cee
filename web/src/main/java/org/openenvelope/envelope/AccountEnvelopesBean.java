package org.openenvelope.envelope;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import org.openenvelope.account.AccountTab;
import org.openenvelope.account.AccountTabBean;
import org.openenvelope.error.FormErrors;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.error.ServiceException;
import org.openenvelope.persistence.Page;
import org.openenvelope.persistence.Paging;

/**
 * The account's Envelopes tab: search by sender, recipient and date (a GET form, so a search can be bookmarked),
 * each envelope's status and who opened it when, and lock, unlock and revoke. Logic stays in {@link EnvelopeService}.
 */
@Named("accountEnvelopes")
@ViewScoped
public class AccountEnvelopesBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    EnvelopeService service;

    @Inject
    AccountTabBean tab;

    private String sender;
    private String recipient;
    private String from;
    private String until;
    private int page = 1;
    private Page<EnvelopeView> envelopes;
    private final Map<String, String> lockReasons = new HashMap<>();

    public void load() throws IOException {
        if (!tab.open(AccountTab.ENVELOPES)) {
            return;
        }
        try {
            envelopes = service.search(tab.getNumber(), new EnvelopeSearch(sender, recipient, day("from", from, 0),
                    day("until", until, 1)), page - 1, Paging.DEFAULT_SIZE);
        } catch (ServiceException refusal) {
            FormErrors.show(refusal);
            envelopes = service.search(tab.getNumber(), EnvelopeSearch.everything(), 0, Paging.DEFAULT_SIZE);
        }
    }

    public String lock(EnvelopeView envelope) {
        return act(() -> service.lock(tab.getNumber(), envelope.id(), lockReasons.get(envelope.id())),
                "Locked the envelope from " + envelope.sender() + "; its recipients see the reason.", envelope);
    }

    public String unlock(EnvelopeView envelope) {
        return act(() -> service.unlock(tab.getNumber(), envelope.id()), "Unlocked the envelope from "
                + envelope.sender() + ".", envelope);
    }

    public String revoke(EnvelopeView envelope, String address) {
        return act(() -> service.revoke(tab.getNumber(), envelope.id(), address), "Revoked the envelope for "
                + address + ".", envelope);
    }

    public String revokeForEveryone(EnvelopeView envelope) {
        return act(() -> service.revokeForEveryone(tab.getNumber(), envelope.id()), "Revoked the envelope from "
                + envelope.sender() + " for everyone; its key is destroyed and no copy opens again.", envelope);
    }

    private String act(Runnable action, String done, EnvelopeView envelope) {
        try {
            action.run();
            FormErrors.info(done);
            return tab.reload();
        } catch (ServiceException refusal) {
            FormErrors.show(refusal);
            return null;
        }
    }

    /** A day of the date filter (yyyy-MM-dd, UTC) as an instant; {@code plusDays} 1 makes "until" include that day. */
    private static Instant day(String field, String value, int plusDays) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip()).plusDays(plusDays).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "\"" + value + "\" is not a date such as 2026-12-31.");
        }
    }

    public Page<EnvelopeView> getEnvelopes() { return envelopes; }
    public Map<String, String> getLockReasons() { return lockReasons; }
    public String getSender() { return sender; }
    public void setSender(String sender) { this.sender = sender; }
    public String getRecipient() { return recipient; }
    public void setRecipient(String recipient) { this.recipient = recipient; }
    public String getFrom() { return from; }
    public void setFrom(String from) { this.from = from; }
    public String getUntil() { return until; }
    public void setUntil(String until) { this.until = until; }
    public int getPage() { return page; }
    public void setPage(int page) { this.page = page; }
}
