package org.openenvelope.operations;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The service's loggers, whose records carry the request they were written for: its ID and, once known, the
 * account it concerns, and for an event (an audit entry) the event's code. They travel as a map among the record's
 * parameters, which Payara's JSON log formatter writes as fields of the line's object (see the README, Logs) and
 * the default formatter leaves out. Never a secret: only IDs and codes are added.
 */
public final class ServiceLog {

    public static final String REQUEST_ID = "requestId";
    public static final String ACCOUNT_NUMBER = "accountNumber";
    public static final String EVENT = "event";

    private static final ThreadLocal<RequestContext> CURRENT = new ThreadLocal<>();
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9-]{1,32}");

    private ServiceLog() {
    }

    private static final class RequestContext {
        final String requestId;
        String accountNumber;

        RequestContext(String requestId) {
            this.requestId = requestId;
        }
    }

    /** A logger of {@code type} whose records carry the current request's fields. */
    public static Logger logger(Class<?> type) {
        Logger logger = Logger.getLogger(type.getName());
        logger.setFilter(ServiceLog::withRequestFields);
        return logger;
    }

    /** The request being served on this thread from now on has this ID; {@link #endRequest()} must follow. */
    public static void beginRequest(String requestId) {
        CURRENT.set(new RequestContext(requestId));
    }

    public static void endRequest() {
        CURRENT.remove();
    }

    public static Optional<String> requestId() {
        return Optional.ofNullable(CURRENT.get()).map(context -> context.requestId);
    }

    /** The current request concerns this account (ignored outside a request, or when it cannot be an account number). */
    public static void account(String accountNumber) {
        RequestContext context = CURRENT.get();
        if (context != null && accountNumber != null && ACCOUNT.matcher(accountNumber).matches()) {
            context.accountNumber = accountNumber;
        }
    }

    /** Logs an event with its code and account as fields, besides those of the request. */
    public static void event(Logger logger, Level level, String event, String accountNumber, Supplier<String> message) {
        if (!logger.isLoggable(level)) {
            return;
        }
        LogRecord record = new LogRecord(level, message.get());
        record.setLoggerName(logger.getName());
        record.setSourceClassName(logger.getName());
        record.setSourceMethodName(null);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(EVENT, event);
        if (accountNumber != null) {
            fields.put(ACCOUNT_NUMBER, accountNumber);
        }
        record.setParameters(new Object[] {fields});
        logger.log(record);
    }

    /** Adds the request's fields to the record's field map (made if there is none); always lets it through. */
    static boolean withRequestFields(LogRecord record) {
        RequestContext context = CURRENT.get();
        if (context == null) {
            return true;
        }
        Object[] parameters = record.getParameters();
        Map<String, String> fields = fieldsOf(parameters);
        if (fields == null) {
            fields = new LinkedHashMap<>();
            Object[] extended = parameters == null ? new Object[1] : Arrays.copyOf(parameters, parameters.length + 1);
            extended[extended.length - 1] = fields;
            record.setParameters(extended);
        }
        fields.putIfAbsent(REQUEST_ID, context.requestId);
        if (context.accountNumber != null) {
            fields.putIfAbsent(ACCOUNT_NUMBER, context.accountNumber);
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> fieldsOf(Object[] parameters) {
        if (parameters != null && parameters.length > 0 && parameters[parameters.length - 1] instanceof LinkedHashMap<?, ?> map) {
            return (Map<String, String>) map;
        }
        return null;
    }
}
