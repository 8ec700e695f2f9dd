package org.endow.platform.messaging;

import java.time.Duration;
import org.endow.platform.app.StartupFailure;

/**
 * The longest the inbox consumer can take between two polls, which Kafka's {@code max.poll.interval.ms} ({@code
 * consumer-max-poll-interval}) must exceed: past it the consumer is put out of its group, its partitions are given to
 * another (or to itself again) and the same records are read again, over and over if every poll overruns.
 *
 * <p>A poll's records are worked on for {@code consumer-poll-budget}; the record (or batch, with {@code
 * consumer-batch-size} above 1) under way when it runs out is finished. A failing record is tried {@code
 * handler-attempts} times by each of its handlers, with back-offs from {@code handler-backoff} doubling in between; a
 * statement hung in the database is cancelled after {@code handler-statement-timeout}, and a record's worst case
 * counts one statement timeout per attempt, and a batch one. A lock wait is cancelled sooner, after {@code
 * handler-lock-timeout}, and is transient: the record's attempts end there and its partition waits (a stall) and reads
 * it again at a later poll, so a record held up by a lock costs at most what a failing one does, however long the lock
 * is held. Then the poll's dead letters are waited for (up to {@code consumer-dead-letter-wait}) and written (at most
 * two statement timeouts: the poll's write and, if the database refuses it, one row on its own) and, if a partition
 * had to stop, the consumer waits (up to {@code consumer-max-stall}). The sum plus a margin (a quarter of it, at least
 * 1 s) is what the interval must hold.
 *
 * <p>The timeouts bound each statement, not an attempt: an attempt of k statements can take up to k times the
 * statement timeout, and nothing bounds a whole transaction. The sum counts one timeout per attempt; the margin is
 * what covers an attempt's further statements that each end just in time, and the handlers' work outside the
 * database. A handler that runs many statements each close to the timeout can still outlast the interval.
 */
final class PollInterval {

    private static final Duration MIN_MARGIN = Duration.ofSeconds(1);
    /** Longer than any real setting; what a sum that would overflow comes to. */
    private static final Duration FOREVER = Duration.ofSeconds(Long.MAX_VALUE / 4);

    private PollInterval() {}

    /** The back-offs slept for one record whose {@code handlers} handlers all fail every attempt. */
    static Duration worstBackoffOfOneRecord(MessagingProperties properties, int handlers) {
        return times(handlers, backoffsOfOneHandler(properties));
    }

    /**
     * One record whose {@code handlers} handlers each hang in the database at every attempt until the statement
     * timeout cancels it: their attempts' statement timeouts and the back-offs between them.
     */
    static Duration worstOfOneRecord(MessagingProperties properties, int handlers) {
        Duration attempts = times(Math.max(1, properties.handlerAttempts()), properties.handlerStatementTimeout());
        return times(handlers, saturatedPlus(attempts, backoffsOfOneHandler(properties)));
    }

    private static Duration backoffsOfOneHandler(MessagingProperties properties) {
        Duration each = Duration.ZERO;
        Duration wait = properties.handlerBackoff();
        for (int attempt = 1; attempt < properties.handlerAttempts() && each != FOREVER; attempt++) {
            each = saturatedPlus(each, wait);
            wait = saturatedPlus(wait, wait);
        }
        return each;
    }

    /** The shortest {@code consumer-max-poll-interval} the other settings allow, margin included. */
    static Duration required(MessagingProperties properties, int handlers) {
        Duration statement = properties.handlerStatementTimeout();
        Duration work = saturatedPlus(properties.consumerPollBudget(), worstOfOneRecord(properties, handlers));
        if (properties.consumerBatchSize() > 1) {
            work = saturatedPlus(work, statement); // a batch under way that hangs, before its records one by one
        }
        Duration letters = saturatedPlus(properties.consumerDeadLetterWait(), times(2, statement));
        Duration poll = saturatedPlus(saturatedPlus(work, letters), properties.consumerMaxStall());
        Duration quarter = poll.dividedBy(4);
        return saturatedPlus(poll, quarter.compareTo(MIN_MARGIN) > 0 ? quarter : MIN_MARGIN);
    }

    /**
     * @param handlers the most handlers any one event type has here
     * @throws StartupFailure when a statement timeout is not positive (nothing would bound a hung handler), when the
     *     lock timeout exceeds the statement timeout (a lock wait would end as a statement timeout, a failed attempt
     *     rather than contention), or when
     *     {@code consumer-max-poll-interval} is shorter than {@link #required}
     */
    static void check(MessagingProperties properties, int handlers) {
        if (!properties.handlerStatementTimeout().isPositive()
                || !properties.handlerLockTimeout().isPositive()) {
            throw new StartupFailure(
                    "endow.messaging.handler-statement-timeout (" + properties.handlerStatementTimeout()
                            + ") and handler-lock-timeout (" + properties.handlerLockTimeout()
                            + ") must be positive: without them a handler hung in the database holds its poll past"
                            + " consumer-max-poll-interval",
                    null);
        }
        if (properties.handlerLockTimeout().compareTo(properties.handlerStatementTimeout()) > 0) {
            throw new StartupFailure(
                    "endow.messaging.handler-lock-timeout (" + properties.handlerLockTimeout()
                            + ") must not exceed handler-statement-timeout (" + properties.handlerStatementTimeout()
                            + "): a lock wait would be cancelled as a statement timeout, a failed attempt, and an"
                            + " event that only waits for another transaction's lock would be dead-lettered",
                    null);
        }
        Duration required = required(properties, handlers);
        if (properties.consumerMaxPollInterval().compareTo(required) < 0) {
            throw new StartupFailure(
                    "endow.messaging.consumer-max-poll-interval is " + properties.consumerMaxPollInterval()
                            + " but a poll can take " + required + " with a margin (consumer-poll-budget "
                            + properties.consumerPollBudget() + ", " + handlers + " handler(s) x "
                            + properties.handlerAttempts() + " attempts of up to handler-statement-timeout "
                            + properties.handlerStatementTimeout() + " with back-off from "
                            + properties.handlerBackoff() + ", consumer-batch-size "
                            + properties.consumerBatchSize() + ", consumer-dead-letter-wait "
                            + properties.consumerDeadLetterWait() + ", consumer-max-stall "
                            + properties.consumerMaxStall() + "): raise the interval or lower the others",
                    null);
        }
    }

    private static Duration times(int count, Duration each) {
        try {
            Duration all = each.multipliedBy(Math.max(0, count));
            return all.compareTo(FOREVER) >= 0 ? FOREVER : all;
        } catch (ArithmeticException overflow) {
            return FOREVER;
        }
    }

    private static Duration saturatedPlus(Duration a, Duration b) {
        Duration sum = a.plus(b); // both at most FOREVER: no overflow
        return sum.compareTo(FOREVER) >= 0 ? FOREVER : sum;
    }
}
