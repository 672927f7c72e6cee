package org.openenvelope.error;

import jakarta.resource.ResourceException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a failure of the database itself (unreachable, shut down, out of disk, locked by another process, read
 * only) from everything else. Such a failure says nothing about the request, so pages and the API answer it
 * with "service unavailable, try again" (HTTP 503), never with a refusal such as "wrong password", and never
 * with an internal error that reads like a bug.
 */
public final class DatabaseOutage {

    /** What every client is told while the database is unavailable. */
    public static final String MESSAGE = "OpenEnvelope cannot reach its database right now, so the request was"
            + " not carried out. Try again in a few minutes.";
    /** The {@code Retry-After} of those answers. */
    public static final String RETRY_AFTER_SECONDS = "30";

    /** SQLState classes and codes of PostgreSQL (and the SQL standard) that mean the database cannot serve. */
    private static final Set<String> UNAVAILABLE_STATE_CLASSES = Set.of(
            "08", // connection exception
            "53", // insufficient resources: disk full, out of memory, too many connections
            "58"); // system error, e.g. an I/O error
    private static final Set<String> UNAVAILABLE_STATES = Set.of(
            "57P01", "57P02", "57P03", // shutting down, crashed, cannot connect now
            "25006"); // read-only transaction: a standby, or a database set read only

    /** H2's error codes for a database that is closed, closing, in use by another process, or failing I/O. */
    private static final Set<Integer> H2_UNAVAILABLE = Set.of(
            90020, // DATABASE_ALREADY_OPEN_1: the file is locked by another process
            90028, // IO_EXCEPTION_1
            90031, // IO_EXCEPTION_2
            90067, // CONNECTION_BROKEN_1
            90098, // DATABASE_IS_CLOSED: what follows a failed write, e.g. a full disk
            90121, // DATABASE_CALLED_AT_SHUTDOWN
            90097); // DATABASE_IS_READ_ONLY

    private static final int MAX_DEPTH = 24;

    private DatabaseOutage() {
    }

    /** Whether {@code thrown}, or anything in its cause chain, is the database failing rather than the request. */
    public static boolean explains(Throwable thrown) {
        return outage(thrown) != null;
    }

    /**
     * The database's own failure inside {@code thrown}, in one line for the log ({@code "unknown"} when there is
     * none). Only that exception's type and message: the wrapping layers' messages may carry bound values.
     */
    public static String describe(Throwable thrown) {
        Throwable outage = outage(thrown);
        return outage == null ? "unknown" : outage.getClass().getSimpleName() + ": " + outage.getMessage();
    }

    private static Throwable outage(Throwable thrown) {
        Throwable cause = thrown;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++) {
            if (isOutage(cause)) {
                return cause;
            }
            if (cause instanceof SQLException sql && sql.getNextException() != null
                    && isOutage(sql.getNextException())) {
                return sql.getNextException();
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return null;
    }

    private static boolean isOutage(Throwable cause) {
        if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                || cause instanceof SQLRecoverableException) {
            return true;
        }
        // The container's pool could not hand out a connection (the database refuses or does not answer).
        if (cause instanceof ResourceException) {
            return true;
        }
        if (cause instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && state.length() == 5 && (UNAVAILABLE_STATES.contains(state)
                    || UNAVAILABLE_STATE_CLASSES.contains(state.substring(0, 2)))) {
                return true;
            }
            return isH2(sql) && H2_UNAVAILABLE.contains(sql.getErrorCode());
        }
        return false;
    }

    private static boolean isH2(SQLException sql) {
        return sql.getClass().getName().startsWith("org.h2.");
    }
}
