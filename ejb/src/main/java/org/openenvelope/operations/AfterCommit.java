package org.openenvelope.operations;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Runs what reports an outcome (a count, a log line) once the caller's transaction has committed, or now without one. */
@ApplicationScoped
public class AfterCommit {

    @Resource
    TransactionSynchronizationRegistry transactions;

    public void run(Runnable report) {
        if (transactions == null || transactions.getTransactionKey() == null) {
            report.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    report.run();
                }
            }
        });
    }
}
