package org.endow.donations.unmatched.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.endow.donations.unmatched.model.TicketHolder;
import org.endow.donations.unmatched.model.TicketPayments;
import org.endow.kernel.Money;

/**
 * Reads the registrations staff imported with their Stripe payment intent. The rows are read {@code for share}: an
 * answer being carried out holds its row from the moment it is recorded until its card refund is stored, so a
 * {@code charge.refunded} of that very refund, arriving before the answer committed, waits and then sees it.
 */
@Singleton
class JdbcTicketPayments implements TicketPayments {

    private final JdbcOperations jdbc;

    JdbcTicketPayments(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Tickets paidBy(String paymentIntentId, String currency) {
        return jdbc.prepareStatement(
                "select r.event_code, r.email, r.refund_way, r.refunded_minor, e.currency from registration r"
                        + " join ticketed_event e on e.code = r.event_code where r.payment_intent_id = ?"
                        + " order by r.event_code, r.email for share of r",
                statement -> {
                    statement.setString(1, paymentIntentId);
                    List<TicketHolder> holders = new ArrayList<>();
                    long refundedOnCard = 0;
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            holders.add(new TicketHolder(rs.getString(1), rs.getString(2)));
                            if ("ON_CARD".equals(rs.getString(3)) && currency.equals(rs.getString(5))) {
                                refundedOnCard += rs.getLong(4);
                            }
                        }
                    }
                    return new Tickets(holders, Money.of(refundedOnCard, currency));
                });
    }
}
