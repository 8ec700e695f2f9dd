package org.endow.platform.messaging;

/**
 * Thrown by a handler for an event it can never apply, however often it is tried: a gift this service has no record
 * of, for instance. The inbox dead-letters the event at once, with the message as its error, instead of retrying it
 * with back-off while the events behind it on its partition wait. Staff see it among the dead letters and can replay
 * it once the cause is fixed.
 */
public class UnprocessableEvent extends RuntimeException {

    public UnprocessableEvent(String message) {
        super(message);
    }

    /**
     * A value read from an event's payload; when the payload cannot be read so (an id that is not a UUID, a code
     * that is not one), this exception instead: the event is dead-lettered at once, not retried.
     *
     * @param what what is read, for the dead letter's error (e.g. {@code "donation id abc"})
     * @param read reads it, throwing {@link IllegalArgumentException} when it cannot
     */
    public static <T> T reading(String what, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw new UnprocessableEvent("unreadable " + what + ": " + e.getMessage());
        }
    }

    static boolean isCauseOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnprocessableEvent) {
                return true;
            }
        }
        return false;
    }
}
