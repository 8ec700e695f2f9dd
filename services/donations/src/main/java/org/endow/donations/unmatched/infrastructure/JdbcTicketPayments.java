package org.endow.donations.unmatched.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.endow.donations.unmatched.model.TicketHolder;
import org.endow.donations.unmatched.model.TicketPayments;

/** Reads the registrations staff imported with their Stripe payment intent. */
@Singleton
class JdbcTicketPayments implements TicketPayments {

    private final JdbcOperations jdbc;

    JdbcTicketPayments(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TicketHolder> paidBy(String paymentIntentId) {
        return jdbc.prepareStatement(
                "select event_code, email from registration where payment_intent_id = ? order by event_code, email",
                statement -> {
                    statement.setString(1, paymentIntentId);
                    List<TicketHolder> out = new ArrayList<>();
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            out.add(new TicketHolder(rs.getString(1), rs.getString(2)));
                        }
                    }
                    return out;
                });
    }
}
