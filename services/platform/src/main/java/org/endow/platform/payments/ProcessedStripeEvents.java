package org.endow.platform.payments;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;

/**
 * The Stripe events a service has applied ({@code stripe_event}, platform migration V0_3), unique
 * by Stripe's event id. Call {@link #firstDelivery} in the transaction that applies the event: of
 * several concurrent deliveries of one event exactly one gets {@code true}. {@link #applied} is a
 * shortcut for a webhook that must ask Stripe something before applying an event: a redelivery is
 * recognised without the call.
 */
@Singleton
@Requires(property = "endow.messaging.service")
public class ProcessedStripeEvents {

    private final JdbcOperations jdbc;

    ProcessedStripeEvents(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param rawBody the body as Stripe sent it, kept for audit and replay
     * @return true when this event id was not recorded before (apply it), false for a redelivery
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean firstDelivery(String eventId, String type, String rawBody) {
        return jdbc.prepareStatement(
                        "insert into stripe_event (event_id, type, payload) values (?, ?, ?)"
                                + " on conflict (event_id) do nothing",
                        statement -> {
                            statement.setString(1, eventId);
                            statement.setString(2, type);
                            statement.setString(3, rawBody);
                            return statement.executeUpdate();
                        })
                == 1;
    }

    /**
     * Whether this event id was applied already, read in its own transaction before anything that costs a
     * call to Stripe. Only a shortcut: two concurrent first deliveries both read false here, and {@link
     * #firstDelivery} in the applying transaction still decides which one applies the event.
     */
    @ReadOnly
    public boolean applied(String eventId) {
        return jdbc.prepareStatement("select 1 from stripe_event where event_id = ?", statement -> {
            statement.setString(1, eventId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        });
    }
}
