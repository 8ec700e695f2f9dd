package org.endow.platform.messaging;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.endow.events.EventEnvelope;
import org.endow.events.EventType;
import org.endow.events.donations.v1.DonationEvents;
import org.endow.events.donations.v1.DonationPledged;

/**
 * Test handler: a second consumer of the pledges beside {@link RecordingHandler} (as another service's would be), which
 * applies every pledge, the recorder's failing ones too, writing one row per application to its own table.
 */
@Singleton
@Requires(property = "test.bystander-handler", value = "true")
class BystanderHandler implements EventHandler<DonationPledged> {

    static final String CONSUMER = "platform-test.bystander";

    private final JdbcOperations jdbc;

    BystanderHandler(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public EventType<DonationPledged> eventType() {
        return DonationEvents.DONATION_PLEDGED;
    }

    @Override
    public String consumerName() {
        return CONSUMER;
    }

    @Override
    public void handle(EventEnvelope<DonationPledged> event) {
        jdbc.prepareStatement("insert into test_bystander_effect (event_id, donation_id) values (?, ?)", statement -> {
            statement.setObject(1, event.eventId());
            statement.setString(2, event.payload().donationId());
            return statement.executeUpdate();
        });
    }
}
