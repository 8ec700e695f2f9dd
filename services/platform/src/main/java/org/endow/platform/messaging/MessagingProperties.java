package org.endow.platform.messaging;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How this service's events travel ({@code endow.messaging.*}, each overridable by environment).
 *
 * @param service the service's name: consumer group {@code endow.<service>} and the inbox's prefix
 * @param relayEnabled whether this process publishes its outbox
 * @param relayBatchSize rows published per relay round
 * @param relayIdleWait how long the relay waits for new rows when the outbox is empty
 * @param relayErrorBackoff first wait after a failed round (doubles up to {@code relayMaxBackoff})
 * @param relayMaxBackoff the longest wait between rounds while the broker is unreachable
 * @param consumerEnabled whether this process consumes events
 * @param handlerAttempts how often a failing handler is tried before its event is dead-lettered
 * @param handlerBackoff the first wait between attempts (doubles each time)
 * @param handlerStatementTimeout the longest any one statement may run in the transaction that applies an event (or
 *     a batch of them) and in the one that writes a poll's dead letters (PostgreSQL's {@code statement_timeout}, set
 *     for that transaction only): a statement still running then is cancelled and the attempt fails like any other,
 *     so a handler hung on a slow statement is retried, then dead-lettered ("canceling statement due to statement
 *     timeout"), instead of holding the poll past {@code consumerMaxPollInterval}
 * @param handlerLockTimeout the longest such a statement waits for a lock another transaction holds (PostgreSQL's
 *     {@code lock_timeout}, likewise): "canceling statement due to lock timeout". Both must be positive; each
 *     bounds one statement, not a whole transaction
 * @param startupTimeout how long start-up waits for the broker before giving up
 * @param consumerBatchSize up to this many polled events are applied in one database transaction (one commit
 *     instead of one per event); if any of them fails, the batch rolls back and its events are applied one
 *     transaction each as with 1, the default
 * @param consumerFetchMinBytes the broker answers a fetch once this many bytes are waiting (Kafka's {@code
 *     fetch.min.bytes}; 1, the default, answers at once)
 * @param consumerFetchMaxWait or once this long has passed (Kafka's {@code fetch.max.wait.ms}): with a larger minimum,
 *     a busy topic is read in fewer, fuller fetches, and no event waits longer than this for its fetch
 * @param consumerPollBudget how long the consumer works on one poll's records: once it is spent, no further record
 *     (nor batch) of the poll is started, each partition is rewound to its first record not done and the consumer
 *     polls again; the first record of a poll is always done, so every poll moves on
 * @param consumerMaxPollInterval Kafka's {@code max.poll.interval.ms}: a consumer that does not poll again within it is
 *     put out of its group and its partitions go to another. Start-up refuses a value shorter than a poll can take
 *     ({@link PollInterval})
 * @param consumerDeadLetterWait how long the consumer waits, once per poll, for the broker to acknowledge the poll's
 *     dead letters before it reads their partitions again
 * @param consumerMaxStall the longest wait after a poll in which a partition had to stop (a transient failure)
 */
@ConfigurationProperties("endow.messaging")
public record MessagingProperties(
        String service,
        @Bindable(defaultValue = "true") boolean relayEnabled,
        @Bindable(defaultValue = "500") int relayBatchSize,
        @Bindable(defaultValue = "200ms") Duration relayIdleWait,
        @Bindable(defaultValue = "200ms") Duration relayErrorBackoff,
        @Bindable(defaultValue = "5s") Duration relayMaxBackoff,
        @Bindable(defaultValue = "true") boolean consumerEnabled,
        @Bindable(defaultValue = "5") int handlerAttempts,
        @Bindable(defaultValue = "100ms") Duration handlerBackoff,
        @Bindable(defaultValue = "5s") Duration handlerStatementTimeout,
        @Bindable(defaultValue = "3s") Duration handlerLockTimeout,
        @Bindable(defaultValue = "30s") Duration startupTimeout,
        @Bindable(defaultValue = "1") int consumerBatchSize,
        @Bindable(defaultValue = "1") int consumerFetchMinBytes,
        @Bindable(defaultValue = "500ms") Duration consumerFetchMaxWait,
        @Bindable(defaultValue = "60s") Duration consumerPollBudget,
        @Bindable(defaultValue = "300s") Duration consumerMaxPollInterval,
        @Bindable(defaultValue = "15s") Duration consumerDeadLetterWait,
        @Bindable(defaultValue = "5s") Duration consumerMaxStall) {

    public String consumerGroup() {
        return "endow." + service;
    }
}
