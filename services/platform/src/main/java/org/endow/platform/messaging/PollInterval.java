package org.endow.platform.messaging;

import java.time.Duration;
import org.endow.platform.app.StartupFailure;

/**
 * The longest the inbox consumer can take between two polls, which Kafka's {@code max.poll.interval.ms} ({@code
 * consumer-max-poll-interval}) must exceed: past it the consumer is put out of its group, its partitions are given to
 * another (or to itself again) and the same records are read again, over and over if every poll overruns.
 *
 * <p>A poll's records are worked on for {@code consumer-poll-budget}; the record under way when it runs out is
 * finished, and a failing record is tried {@code handler-attempts} times by each of its handlers, with back-offs from
 * {@code handler-backoff} doubling in between. Then the poll's dead letters are waited for (up to {@code
 * consumer-dead-letter-wait}) and, if a partition had to stop, the consumer waits (up to {@code consumer-max-stall}).
 * The sum plus a margin (a quarter of it, at least 1 s) is what the interval must hold; the margin is there for the
 * handlers' own time in the record under way, which nothing here can bound.
 */
final class PollInterval {

    private static final Duration MIN_MARGIN = Duration.ofSeconds(1);
    /** Longer than any real setting; what a sum that would overflow comes to. */
    private static final Duration FOREVER = Duration.ofSeconds(Long.MAX_VALUE / 4);

    private PollInterval() {}

    /** The back-offs slept for one record whose {@code handlers} handlers all fail every attempt. */
    static Duration worstBackoffOfOneRecord(MessagingProperties properties, int handlers) {
        Duration each = Duration.ZERO;
        Duration wait = properties.handlerBackoff();
        for (int attempt = 1; attempt < properties.handlerAttempts() && each != FOREVER; attempt++) {
            each = saturatedPlus(each, wait);
            wait = saturatedPlus(wait, wait);
        }
        Duration all = Duration.ZERO;
        for (int i = 0; i < handlers && all != FOREVER; i++) {
            all = saturatedPlus(all, each);
        }
        return all;
    }

    /** The shortest {@code consumer-max-poll-interval} the other settings allow, margin included. */
    static Duration required(MessagingProperties properties, int handlers) {
        Duration poll = saturatedPlus(
                saturatedPlus(properties.consumerPollBudget(), worstBackoffOfOneRecord(properties, handlers)),
                saturatedPlus(properties.consumerDeadLetterWait(), properties.consumerMaxStall()));
        Duration quarter = poll.dividedBy(4);
        return saturatedPlus(poll, quarter.compareTo(MIN_MARGIN) > 0 ? quarter : MIN_MARGIN);
    }

    /**
     * @param handlers the most handlers any one event type has here
     * @throws StartupFailure when {@code consumer-max-poll-interval} is shorter than {@link #required}
     */
    static void check(MessagingProperties properties, int handlers) {
        Duration required = required(properties, handlers);
        if (properties.consumerMaxPollInterval().compareTo(required) < 0) {
            throw new StartupFailure(
                    "endow.messaging.consumer-max-poll-interval is " + properties.consumerMaxPollInterval()
                            + " but a poll can take " + required + " with a margin (consumer-poll-budget "
                            + properties.consumerPollBudget() + ", " + handlers + " handler(s) x "
                            + properties.handlerAttempts() + " attempts with back-off from "
                            + properties.handlerBackoff() + ", consumer-dead-letter-wait "
                            + properties.consumerDeadLetterWait() + ", consumer-max-stall "
                            + properties.consumerMaxStall() + "): raise the interval or lower the others",
                    null);
        }
    }

    private static Duration saturatedPlus(Duration a, Duration b) {
        Duration sum = a.plus(b); // both at most FOREVER: no overflow
        return sum.compareTo(FOREVER) >= 0 ? FOREVER : sum;
    }
}
