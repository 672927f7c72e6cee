package org.openenvelope.addin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/** Starts the work on a flow once the transaction that made it due has committed, so the worker sees it. */
@ApplicationScoped
public class EncryptFlowStarter {

    @EJB
    EncryptFlowRunner runner;

    void onDue(@Observes(during = TransactionPhase.AFTER_SUCCESS) FlowDue due) {
        runner.runAsync(due.flowId());
    }
}
