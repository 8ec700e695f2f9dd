package org.endow.platform.messaging;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.endow.events.EventEnvelope;
import org.endow.events.EventType;
import org.endow.events.donations.v1.DonationEvents;
import org.endow.events.donations.v1.DonationPledged;

/**
 * Test handler: writes one row per application; refuses pledges to fund "poison-handler". Applied in batches, it
 * writes a run's rows with one statement and remembers the largest run it was given.
 */
@Singleton
@Requires(property = "test.recording-handler", value = "true")
class RecordingHandler implements BatchedEventHandler<DonationPledged> {

    /** The most events {@link #handleAll} was given at once. */
    static final AtomicInteger LARGEST_RUN = new AtomicInteger();

    static final String FAILING_FUND = "poison-handler";

    /** Pledges to this fund can never be applied: the handler says so with {@link UnprocessableEvent}. */
    static final String UNPROCESSABLE_FUND = "never-applicable";

    /** Donations the handler accepts again although their fund is the failing one: "the fix was deployed". */
    static final java.util.Set<String> CURED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final JdbcOperations jdbc;

    RecordingHandler(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public EventType<DonationPledged> eventType() {
        return DonationEvents.DONATION_PLEDGED;
    }

    @Override
    public String consumerName() {
        return "platform-test.recorder";
    }

    @Override
    public void handle(EventEnvelope<DonationPledged> event) {
        handleAll(List.of(event));
    }

    @Override
    public void handleAll(List<EventEnvelope<DonationPledged>> events) {
        for (EventEnvelope<DonationPledged> event : events) {
            if (FAILING_FUND.equals(event.payload().fundCode())
                    && !CURED.contains(event.payload().donationId())) {
                throw new IllegalArgumentException("this handler refuses " + FAILING_FUND);
            }
            if (UNPROCESSABLE_FUND.equals(event.payload().fundCode())) {
                throw new UnprocessableEvent("no fund " + UNPROCESSABLE_FUND + " here");
            }
        }
        LARGEST_RUN.accumulateAndGet(events.size(), Math::max);
        jdbc.prepareStatement("insert into test_effect (event_id, donation_id) values (?, ?)", statement -> {
            for (EventEnvelope<DonationPledged> event : events) {
                statement.setObject(1, event.eventId());
                statement.setString(2, event.payload().donationId());
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }
}
