package org.endow.platform.messaging;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import org.endow.events.EventEnvelope;
import org.endow.events.EventType;
import org.endow.events.donations.v1.DonationEvents;
import org.endow.events.donations.v1.DonationPledged;

/**
 * Test handlers' common part: a consumer of the pledges that applies one by writing one row (event id, donation id) to
 * its own effect table; a subclass decides which pledges fail or wait first.
 */
abstract class PledgeEffectHandler implements EventHandler<DonationPledged> {

    private final JdbcOperations jdbc;
    private final String consumerName;
    private final String effectTable;

    /** @param effectTable a test table with the columns {@code event_id} and {@code donation_id} */
    PledgeEffectHandler(JdbcOperations jdbc, String consumerName, String effectTable) {
        this.jdbc = jdbc;
        this.consumerName = consumerName;
        this.effectTable = effectTable;
    }

    @Override
    public final EventType<DonationPledged> eventType() {
        return DonationEvents.DONATION_PLEDGED;
    }

    @Override
    public final String consumerName() {
        return consumerName;
    }

    @Override
    public void handle(EventEnvelope<DonationPledged> event) {
        recordEffect(event);
    }

    /** Writes the pledge's effect row, in the caller's transaction. */
    final void recordEffect(EventEnvelope<DonationPledged> event) {
        jdbc.prepareStatement("insert into " + effectTable + " (event_id, donation_id) values (?, ?)", statement -> {
            statement.setObject(1, event.eventId());
            statement.setString(2, event.payload().donationId());
            return statement.executeUpdate();
        });
    }

    final JdbcOperations jdbc() {
        return jdbc;
    }
}
