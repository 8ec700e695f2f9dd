package org.endow.platform.messaging;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Tells a failure of the infrastructure (database restarting, connection lost, deadlock, a lock another transaction
 * held past {@code lock_timeout}) from a failure of the event or the handler. The first kind is retried until it
 * passes and never dead-letters an event; the second is retried a few times, then dead-lettered.
 */
final class Transience {

    private Transience() {}

    /**
     * Rethrows what the JVM cannot be trusted to go on after (memory ran out, an internal error): such an error stops
     * the thread that meets it, and the {@code messaging} health says so. A stack overflow has unwound by the time it
     * is caught and is left to the caller, as is any other {@link Error} (a class that failed to initialise, an
     * assertion): for a handler, a failed attempt like an exception.
     */
    static void rethrowIfFatal(Throwable failure) {
        if (failure instanceof VirtualMachineError fatal && !(failure instanceof StackOverflowError)) {
            throw fatal;
        }
    }

    /**
     * Whether the database cancelled a statement that ran too long ({@code statement_timeout}, SQLSTATE 57014) or
     * waited too long for a lock ({@code lock_timeout}, 55P03): what a poll's dead-letter write is read again for. For a
     * handler only the lock wait is {@link #isTransient transient} (contention, which passes once the other transaction
     * ends); a statement that ran too long is a failed attempt (retried, then dead-lettered like any failing one).
     */
    static boolean isCancelledInTime(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql
                    && ("57014".equals(sql.getSQLState()) || "55P03".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") // connection exception
                        || state.startsWith("53") // insufficient resources
                        || state.startsWith("57P") // admin shutdown, crash shutdown, cannot connect now
                        || state.equals("40001") // serialization failure
                        || state.equals("40P01") // deadlock
                        || state.equals("55P03")) { // lock not available: another transaction holds it (lock_timeout)
                    return true;
                }
            }
            String name = t.getClass().getName();
            if (name.startsWith("org.apache.kafka.common.errors.") && name.contains("Timeout")) {
                return true;
            }
            if (name.equals("io.micronaut.transaction.exceptions.CannotCreateTransactionException")) {
                return true;
            }
        }
        return false;
    }
}
