package org.endow.platform.messaging;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.endow.events.EventEnvelope;
import org.endow.events.EventType;
import org.endow.events.donations.v1.DonationEvents;
import org.endow.events.donations.v1.DonationPledged;

/**
 * Test handler for {@link PollBudgetIT}: fails every attempt at a pledge to {@link #FUND} (a bad deployment, a
 * dependency down), as often as it is asked; writes one effect row for any other pledge.
 */
@Singleton
@Requires(property = "test.always-failing-handler", value = "true")
class AlwaysFailingHandler implements EventHandler<DonationPledged> {

    static final String FUND = "always-failing";

    private final JdbcOperations jdbc;

    AlwaysFailingHandler(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public EventType<DonationPledged> eventType() {
        return DonationEvents.DONATION_PLEDGED;
    }

    @Override
    public String consumerName() {
        return "platform-test.always-failing";
    }

    @Override
    public void handle(EventEnvelope<DonationPledged> event) {
        if (FUND.equals(event.payload().fundCode())) {
            throw new IllegalStateException("test: the handler fails every time");
        }
        jdbc.prepareStatement("insert into test_effect (event_id, donation_id) values (?, ?)", statement -> {
            statement.setObject(1, event.eventId());
            statement.setString(2, event.payload().donationId());
            return statement.executeUpdate();
        });
    }
}
