package org.openenvelope.addin;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openenvelope.envelope.EnvelopeNotification;
import org.openenvelope.envelope.SealedEnvelope;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.error.ServiceException;
import org.openenvelope.graph.AppRegistration;
import org.openenvelope.graph.GraphClient;
import org.openenvelope.graph.GraphException;
import org.openenvelope.graph.GraphProblem;
import org.openenvelope.graph.MicrosoftConnections;
import org.openenvelope.operations.ServiceLog;

/**
 * Works an Encrypt flow through Microsoft Graph, outside any transaction: check the draft, read it as MIME, seal
 * it, make the outgoing message in the sender's mailbox (whole, or its note and then the securedoc attachment
 * through an upload session), send it, delete the draft. Each phase is committed ({@link EncryptFlows}) before the
 * Graph call it leads to, and a resumed flow asks Graph where it stands rather than repeating a call:
 * <ul>
 *   <li>the draft is deleted only after the message was sent, so nothing is ever lost;</li>
 *   <li>the message is sent by {@code POST …/messages/{id}/send} of a message the service made (never by
 *       {@code sendMail}, whose outcome cannot be asked for after a lost answer), with an immutable id, and the send
 *       is never repeated by the service: a message that is no longer a draft was sent; one that is still a draft
 *       after {@code openenvelope.addin.send-confirm-seconds} fails as unconfirmed, and only the sender's Try again
 *       (after looking in Sent Items) sends it;</li>
 *   <li>what was made before the message was complete is deleted and made again (its envelope discarded).</li>
 * </ul>
 * One worker at a time holds a flow (a lease each step checks), so any node resumes it after a crash; a flow that
 * cannot get on after {@link #MAX_ATTEMPTS} takes fails with its reason instead of being tried for ever.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EncryptFlowRunner {

    static final int MAX_ATTEMPTS = 20;
    private static final Logger LOG = ServiceLog.logger(EncryptFlowRunner.class);

    @Inject
    EncryptFlows flows;

    @Inject
    GraphClient graph;

    @Inject
    MicrosoftConnections connections;

    @Inject
    Clock clock;

    /** The largest notification (MIME) made in one request; larger ones get their attachment by upload session. */
    @Inject
    @ConfigProperty(name = "openenvelope.graph.max-inline-mime-bytes", defaultValue = "2900000")
    long maxInlineMimeBytes;

    /** How long a send whose answer was lost is given to show up as sent. */
    @Inject
    @ConfigProperty(name = "openenvelope.addin.send-confirm-seconds", defaultValue = "120")
    long sendConfirmSeconds;

    /** How long a flow waits after Microsoft did not answer while its message may be on its way. */
    @Inject
    @ConfigProperty(name = "openenvelope.addin.retry-pause-seconds", defaultValue = "30")
    long retryPauseSeconds;

    @Asynchronous
    public void runAsync(String flowId) {
        run(flowId);
    }

    /** Resumes what a restart, a crash of another node or a pause left due ({@link AddinHousekeeping}'s minute). */
    public void resumeDue() {
        flows.due().forEach(this::run);
    }

    /** Works the flow as far as it goes now, if no other worker holds it. */
    public void run(String flowId) {
        try {
            Optional<String> lease = flows.claim(flowId);
            if (lease.isPresent()) {
                advance(new Worker(flowId, lease.get()));
            }
        } catch (RuntimeException e) {
            // another worker took it, or a fault of this service's own: the lease runs out, the flow is taken up
            // again (MAX_ATTEMPTS times at most), never left half-failed
            LOG.warning(() -> "Encrypt flow " + flowId + " stopped and will resume: " + e);
        }
    }

    /** A flow as held by this worker. */
    private record Worker(String flowId, String lease) {
    }

    private void advance(Worker worker) {
        EncryptFlows.State flow = flows.state(worker.flowId());
        if (flow.phase() == EncryptPhase.DONE) {
            return;
        }
        if (flow.attempts() > MAX_ATTEMPTS) {
            stop(worker, "unexpected", "The service could not finish this message after " + MAX_ATTEMPTS
                    + " attempts; its log says why.", false);
            return;
        }
        Optional<AppRegistration> app = connections.appRegistration(flow.account());
        if (app.isEmpty()) {
            stop(worker, "microsoft_not_connected", "The account is not connected to Microsoft 365 (Addin Config,"
                    + " step 1): ask your administrator.", false);
            return;
        }
        String owner = null;
        try {
            owner = owner(app.get(), flow);
            while (step(worker, flows.state(worker.flowId()), app.get(), owner)) {
                // one committed phase after another
            }
        } catch (GraphException e) {
            graphFailure(worker, app.get(), owner, e);
        } catch (InvalidValueException e) {
            stop(worker, "message".equals(e.field()) ? "message_too_large" : "From".equals(e.field())
                    ? "sender_not_mailbox" : "message_refused", e.getMessage(), false);
        } catch (ServiceException e) {
            stop(worker, e.code(), e.getMessage(), false);
        }
    }

    /** One phase forward; false when the flow waits or has ended. */
    private boolean step(Worker worker, EncryptFlows.State flow, AppRegistration app, String owner) {
        String id = worker.flowId();
        String lease = worker.lease();
        switch (flow.phase()) {
            case PENDING -> {
                if (flow.envelopeId() != null) {
                    // a worker stopped between sealing and recording what Graph made: its copy must not linger
                    discardCopies(app, owner, flow);
                    flows.startOver(id, lease);
                }
                // only a draft is sent: not a message already sent, which a wrong id could name
                if (!graph.isDraft(app, owner, flow.source()).orElseThrow(() ->
                        new GraphException(GraphProblem.MESSAGE_NOT_FOUND, "the draft"))) {
                    stop(worker, "not_a_draft", "The message is not a draft (it was sent already): nothing was sent"
                            + " again.", false);
                    return false;
                }
                SealedEnvelope sealed = flows.seal(id, lease, graph.messageMime(app, owner, flow.source()));
                GraphNotification notification = GraphNotification.of(sealed);
                byte[] whole = notification.whole();
                if (whole.length <= maxInlineMimeBytes) {
                    flows.created(id, lease, graph.createMessageFromMime(app, owner, whole), true);
                } else {
                    String outgoing = graph.createMessageFromMime(app, owner, notification.withoutAttachment());
                    flows.created(id, lease, outgoing, false);
                    byte[] attachment = notification.attachment();
                    graph.upload(graph.createUploadSession(app, owner, outgoing, notification.attachmentName(),
                            attachment.length), attachment);
                    flows.attached(id, lease);
                }
            }
            case CREATED -> {
                // the attachment may be half uploaded and its bytes are gone with the worker: make it again
                deleteUnsent(app, owner, flow.outgoingId());
                flows.startOver(id, lease);
            }
            case READY -> {
                flows.sending(id, lease);
                try {
                    graph.sendMessage(app, owner, flow.outgoingId());
                } catch (GraphException e) {
                    if (e.problem() != GraphProblem.THROTTLED && e.problem() != GraphProblem.UNAVAILABLE) {
                        flows.sendRefused(id, lease);
                    }
                    throw e;
                }
                flows.sent(id, lease);
            }
            case SENDING -> {
                Boolean draft = graph.isDraft(app, owner, flow.outgoingId()).orElse(null);
                if (draft == null) {
                    stop(worker, "outgoing_message_missing", "The encrypted message made in your mailbox is gone, so"
                            + " whether it was sent cannot be told: look in Sent Items before you send the draft again.",
                            false);
                    return false;
                }
                if (!draft) {
                    flows.sent(id, lease);
                    return true;
                }
                Instant confirmBy = flow.sendRequestedAt().plusSeconds(sendConfirmSeconds);
                if (clock.instant().isBefore(confirmBy)) {
                    flows.dueAgainAt(id, lease, confirmBy);
                    return false;
                }
                stop(worker, "send_unconfirmed", "Microsoft took the message but did not confirm that it was sent."
                        + " Look in Sent Items: if it is not there, Try again.", true);
                return false;
            }
            case SENT -> {
                try {
                    graph.deleteMessage(app, owner, flow.source());
                } catch (GraphException e) {
                    if (e.problem() != GraphProblem.MESSAGE_NOT_FOUND) {
                        throw e;
                    }
                }
                flows.draftDeleted(id, lease);
                return false;
            }
            case DONE -> {
                return false;
            }
        }
        return true;
    }

    /**
     * The Graph user whose mailbox this is: the signed-in sender must be that user (by mail or user principal
     * name), so that nobody makes the service send from a mailbox not their own.
     */
    private String owner(AppRegistration app, EncryptFlows.State flow) {
        JsonObject user;
        try {
            user = graph.mailboxUser(app, flow.mailbox());
        } catch (GraphException e) {
            if (e.problem() == GraphProblem.USER_NOT_FOUND) {
                throw new MailboxRefusal("mailbox_not_found", "Microsoft 365 has no mailbox " + flow.mailbox()
                        + " in the account's tenant.");
            }
            throw e;
        }
        String sender = flow.sender().toLowerCase(Locale.ROOT);
        boolean same = sender.equals(user.getString("mail", "").toLowerCase(Locale.ROOT))
                || sender.equals(user.getString("userPrincipalName", "").toLowerCase(Locale.ROOT));
        if (!same) {
            throw new MailboxRefusal("mailbox_not_yours", "You signed in as " + flow.sender() + ", but the mailbox "
                    + flow.mailbox() + " belongs to " + user.getString("userPrincipalName", "another user")
                    + ": the service sends only from the signed-in sender's own mailbox.");
        }
        return user.getString("id");
    }

    private void graphFailure(Worker worker, AppRegistration app, String owner, GraphException e) {
        EncryptFlows.State flow = flows.state(worker.flowId());
        boolean transientProblem = e.problem() == GraphProblem.THROTTLED || e.problem() == GraphProblem.UNAVAILABLE;
        if (transientProblem && (flow.phase() == EncryptPhase.SENDING || flow.phase() == EncryptPhase.SENT)) {
            // the message may be on its way: asked about again after a pause, never sent again meanwhile
            flows.dueAgainAt(worker.flowId(), worker.lease(), clock.instant().plusSeconds(retryPauseSeconds));
            return;
        }
        boolean unsent = owner != null && flow.phase() != EncryptPhase.SENDING && flow.phase() != EncryptPhase.SENT;
        if (unsent && (flow.outgoingId() != null || flow.envelopeId() != null)) {
            try {
                if (flow.outgoingId() != null) {
                    deleteUnsent(app, owner, flow.outgoingId());
                } else {
                    // the message may have been made although Graph's answer was lost
                    discardCopies(app, owner, flow);
                }
            } catch (RuntimeException notDeleted) {
                LOG.info(() -> "The unsent message of Encrypt flow " + flow.id() + " stays in the Drafts folder: "
                        + notDeleted);
            }
        }
        boolean draftMissing = e.problem() == GraphProblem.MESSAGE_NOT_FOUND && flow.phase() == EncryptPhase.PENDING;
        String reason = draftMissing ? "The draft was not found in your mailbox: save it (it may have been sent or"
                + " deleted meanwhile) and try again."
                : e.getMessage();
        stop(worker, draftMissing ? "draft_not_found" : e.problem().code(), reason, transientProblem || draftMissing);
    }

    /**
     * Ends the flow with its reason, as fits where it stands: before the send it fails (what was made is
     * discarded); with the send asked for and unanswered it fails as unconfirmed (Try again only after looking in
     * Sent Items); once sent, only the draft's deletion is given up, in the audit trail.
     */
    private void stop(Worker worker, String code, String reason, boolean retryable) {
        EncryptPhase phase = flows.state(worker.flowId()).phase();
        if (phase == EncryptPhase.SENT) {
            flows.draftKept(worker.flowId(), worker.lease(), code + ": " + reason);
        } else if (phase == EncryptPhase.SENDING && !code.equals("send_unconfirmed")
                && !code.equals("outgoing_message_missing")) {
            flows.failed(worker.flowId(), worker.lease(), "send_unconfirmed", "Whether Microsoft sent the message"
                    + " cannot be told (" + reason + "). Look in Sent Items: if it is not there, Try again.", true);
        } else {
            flows.failed(worker.flowId(), worker.lease(), code, reason, retryable);
        }
    }

    private void discardCopies(AppRegistration app, String owner, EncryptFlows.State flow) {
        String messageId = EnvelopeNotification.messageId(flow.envelopeId(), flow.mailbox());
        for (String copy : graph.draftsWithMessageId(app, owner, messageId)) {
            LOG.info(() -> "Encrypt flow " + flow.id() + " deletes an unsent copy " + messageId + " an earlier try made");
            deleteUnsent(app, owner, copy);
        }
    }

    private void deleteUnsent(AppRegistration app, String owner, String outgoingId) {
        try {
            graph.deleteMessage(app, owner, outgoingId);
        } catch (GraphException e) {
            if (e.problem() != GraphProblem.MESSAGE_NOT_FOUND) {
                throw e;
            }
        }
    }

    /** A mailbox the service will not act for. */
    static final class MailboxRefusal extends ServiceException {

        MailboxRefusal(String code, String message) {
            super(code, message);
        }
    }
}
