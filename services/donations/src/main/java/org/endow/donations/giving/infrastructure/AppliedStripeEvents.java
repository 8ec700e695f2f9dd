package org.endow.donations.giving.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.sql.ResultSet;

/**
 * Whether a Stripe event was applied already ({@code stripe_event}, platform migration V0_3), read before the
 * webhook does anything that costs a call to Stripe. Only a shortcut for redeliveries: that an event is applied
 * once is still decided by {@code ProcessedStripeEvents.firstDelivery} in the transaction that applies it (two
 * concurrent first deliveries both read false here, and exactly one of them applies the event).
 */
@Singleton
class AppliedStripeEvents {

    private final JdbcOperations jdbc;

    AppliedStripeEvents(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @ReadOnly
    public boolean contains(String eventId) {
        return jdbc.prepareStatement("select 1 from stripe_event where event_id = ?", statement -> {
            statement.setString(1, eventId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        });
    }
}
