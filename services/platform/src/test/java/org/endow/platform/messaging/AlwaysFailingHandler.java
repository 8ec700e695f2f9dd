package org.endow.platform.messaging;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.endow.events.EventEnvelope;
import org.endow.events.donations.v1.DonationPledged;

/**
 * Test handler for {@link PollBudgetIT}: fails every attempt at a pledge to {@link #FUND} (a bad deployment, a
 * dependency down), as often as it is asked; writes one effect row for any other pledge.
 */
@Singleton
@Requires(property = "test.always-failing-handler", value = "true")
class AlwaysFailingHandler extends PledgeEffectHandler {

    static final String FUND = "always-failing";

    AlwaysFailingHandler(JdbcOperations jdbc) {
        super(jdbc, "platform-test.always-failing", "test_effect");
    }

    @Override
    public void handle(EventEnvelope<DonationPledged> event) {
        if (FUND.equals(event.payload().fundCode())) {
            throw new IllegalStateException("test: the handler fails every time");
        }
        recordEffect(event);
    }
}
