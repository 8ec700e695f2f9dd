package org.endow.platform.messaging;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.endow.events.EventEnvelope;
import org.endow.events.donations.v1.DonationPledged;

/**
 * Test handler for {@link HandlerTimeoutIT}: a pledge to {@link #LOCKED_FUND} first updates the {@code test_held_lock}
 * row (and so waits for whoever holds its lock), a pledge to {@link #SLOW_FUND} first sleeps in the database for
 * {@link #SLEEP_SECONDS}; then, like any other pledge, it writes one effect row.
 */
@Singleton
@Requires(property = "test.waiting-handler", value = "true")
class WaitingHandler extends PledgeEffectHandler {

    static final String CONSUMER = "platform-test.waiting";
    static final String LOCKED_FUND = "waits-for-a-lock";
    static final String SLOW_FUND = "waits-for-a-slow-statement";
    static final int SLEEP_SECONDS = 15;

    WaitingHandler(JdbcOperations jdbc) {
        super(jdbc, CONSUMER, "test_waiting_effect");
    }

    @Override
    public void handle(EventEnvelope<DonationPledged> event) {
        String fund = event.payload().fundCode();
        if (LOCKED_FUND.equals(fund)) {
            jdbc().prepareStatement(
                            "update test_held_lock set id = id where id = 'held'",
                            statement -> statement.executeUpdate());
        } else if (SLOW_FUND.equals(fund)) {
            jdbc().prepareStatement("select pg_sleep(" + SLEEP_SECONDS + ")", statement -> statement.execute());
        }
        recordEffect(event);
    }
}
