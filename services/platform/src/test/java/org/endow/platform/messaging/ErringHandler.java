package org.endow.platform.messaging;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.endow.events.EventEnvelope;
import org.endow.events.EventType;
import org.endow.events.donations.v1.DonationEvents;
import org.endow.events.donations.v1.DonationPledged;

/**
 * Test handler for {@link MessagingThreadsIT}: throws an {@link Error} for pledges to its funds (a stack overflow, a
 * class that cannot initialise, memory running out); writes one effect row for any other pledge.
 */
@Singleton
@Requires(property = "test.erring-handler", value = "true")
class ErringHandler implements EventHandler<DonationPledged> {

    static final String OVERFLOW_FUND = "overflow-handler";
    static final String INIT_FAILURE_FUND = "init-failure-handler";
    static final String FATAL_FUND = "fatal-handler";

    private final JdbcOperations jdbc;

    ErringHandler(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public EventType<DonationPledged> eventType() {
        return DonationEvents.DONATION_PLEDGED;
    }

    @Override
    public String consumerName() {
        return "platform-test.erring";
    }

    @Override
    public void handle(EventEnvelope<DonationPledged> event) {
        jdbc.prepareStatement("insert into test_effect (event_id, donation_id) values (?, ?)", statement -> {
            statement.setObject(1, event.eventId());
            statement.setString(2, event.payload().donationId());
            return statement.executeUpdate();
        });
        switch (event.payload().fundCode()) {
            case OVERFLOW_FUND -> depth(0);
            case INIT_FAILURE_FUND -> throw new ExceptionInInitializerError("test: a class the handler uses failed");
            case FATAL_FUND -> throw new OutOfMemoryError("test: the handler ran out of memory");
            default -> {}
        }
    }

    /** Recurses until the stack overflows. */
    private static int depth(int n) {
        return depth(n + 1) + 1;
    }
}
