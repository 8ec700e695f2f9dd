package org.endow.donations.unmatched.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.endow.donations.giving.model.DisputeStatus;
import org.endow.donations.unmatched.model.TicketHolder;
import org.endow.donations.unmatched.model.UnmatchedStripeEvent;
import org.endow.donations.unmatched.model.UnmatchedStripeEvents;
import org.endow.kernel.Money;

@Singleton
class JdbcUnmatchedStripeEvents implements UnmatchedStripeEvents {

    private static final String SELECT = "select stripe_event_id, event_type, kind, payment_intent_id, charge_id,"
            + " dispute_id, amount_minor, refunded_by_endow_minor, refunded_outside_minor, newly_taken_minor, currency, dispute_status, dispute_reason, stripe_at, recorded_at,"
            + " ticketed_event_code, registrants, explained_at, explained_by, explanation from unmatched_stripe_event";

    private final JdbcOperations jdbc;

    JdbcUnmatchedStripeEvents(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean addIfAbsent(UnmatchedStripeEvent e) {
        return jdbc.prepareStatement(
                        "insert into unmatched_stripe_event (stripe_event_id, event_type, kind, payment_intent_id,"
                                + " charge_id, dispute_id, amount_minor, currency, dispute_status, dispute_reason,"
                                + " stripe_at, recorded_at, ticketed_event_code, registrants, refunded_by_endow_minor,"
                                + " refunded_outside_minor, newly_taken_minor)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                + " on conflict (stripe_event_id) do nothing",
                        statement -> {
                            statement.setString(1, e.stripeEventId());
                            statement.setString(2, e.type());
                            statement.setString(3, e.kind().name());
                            statement.setString(4, e.paymentIntentId());
                            statement.setString(5, e.chargeId());
                            statement.setString(6, e.disputeId());
                            statement.setLong(7, e.amount().minor());
                            statement.setString(8, e.amount().currencyCode());
                            statement.setString(
                                    9,
                                    e.disputeStatus() == null
                                            ? null
                                            : e.disputeStatus().name());
                            statement.setString(10, e.disputeReason());
                            statement.setTimestamp(11, Timestamp.from(e.stripeAt()));
                            statement.setTimestamp(12, Timestamp.from(e.recordedAt()));
                            statement.setString(13, e.ticketedEventCode().orElse(null));
                            statement.setString(
                                    14,
                                    e.tickets().isEmpty()
                                            ? null
                                            : e.tickets().stream()
                                                    .map(t -> t.eventCode() + " " + t.email())
                                                    .collect(Collectors.joining("\n")));
                            if (e.refundedByEndow() == null) {
                                statement.setNull(15, java.sql.Types.BIGINT);
                            } else {
                                statement.setLong(15, e.refundedByEndow().minor());
                            }
                            if (e.refundedOutside() == null) {
                                statement.setNull(16, java.sql.Types.BIGINT);
                            } else {
                                statement.setLong(16, e.refundedOutside().minor());
                            }
                            statement.setLong(17, e.newlyTaken().minor());
                            return statement.executeUpdate();
                        })
                == 1;
    }

    @Override
    public Money refundedOutsideSoFar(String paymentIntentId, String currency) {
        // a transaction-scoped lock per payment: the row a concurrent refund of it records is seen once it commits
        jdbc.prepareStatement(
                "select pg_advisory_xact_lock(hashtextextended('unmatched_stripe_event:' || ?, 0))", statement -> {
                    statement.setString(1, paymentIntentId);
                    statement.executeQuery().close();
                    return null;
                });
        return jdbc.prepareStatement(
                "select coalesce(max(refunded_outside_minor), 0) from unmatched_stripe_event"
                        + " where payment_intent_id = ? and kind = 'REFUND' and currency = ?",
                statement -> {
                    statement.setString(1, paymentIntentId);
                    statement.setString(2, currency);
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        return Money.of(rs.getLong(1), currency);
                    }
                });
    }

    @Override
    public List<UnmatchedStripeEvent> latest(int limit, int offset) {
        return jdbc.prepareStatement(
                SELECT + " order by stripe_at desc, stripe_event_id desc limit ? offset ?", statement -> {
                    statement.setInt(1, limit);
                    statement.setInt(2, offset);
                    List<UnmatchedStripeEvent> out = new ArrayList<>();
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            out.add(of(rs));
                        }
                    }
                    return out;
                });
    }

    @Override
    public Optional<UnmatchedStripeEvent> lock(String stripeEventId) {
        return jdbc.prepareStatement(SELECT + " where stripe_event_id = ? for update", statement -> {
            statement.setString(1, stripeEventId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(of(rs)) : Optional.empty();
            }
        });
    }

    @Override
    public void recordExplained(UnmatchedStripeEvent e) {
        UnmatchedStripeEvent.Explanation explanation = e.explanation().orElseThrow();
        int updated = jdbc.prepareStatement(
                "update unmatched_stripe_event set explained_at = ?, explained_by = ?, explanation = ?"
                        + " where stripe_event_id = ? and explained_at is null",
                statement -> {
                    statement.setTimestamp(1, Timestamp.from(explanation.at()));
                    statement.setString(2, explanation.by());
                    statement.setString(3, explanation.note());
                    statement.setString(4, e.stripeEventId());
                    return statement.executeUpdate();
                });
        if (updated != 1) {
            throw new IllegalStateException("Stripe event " + e.stripeEventId() + " was explained already");
        }
    }

    private static UnmatchedStripeEvent of(ResultSet rs) throws SQLException {
        String status = rs.getString("dispute_status");
        String registrants = rs.getString("registrants");
        List<TicketHolder> tickets = registrants == null
                ? List.of()
                : Arrays.stream(registrants.split("\n"))
                        .map(line -> {
                            int space = line.indexOf(' ');
                            return new TicketHolder(line.substring(0, space), line.substring(space + 1));
                        })
                        .toList();
        Timestamp explainedAt = rs.getTimestamp("explained_at");
        long byEndow = rs.getLong("refunded_by_endow_minor");
        boolean noneByEndow = rs.wasNull();
        long outside = rs.getLong("refunded_outside_minor");
        boolean noneOutside = rs.wasNull();
        String currency = rs.getString("currency");
        return new UnmatchedStripeEvent(
                rs.getString("stripe_event_id"),
                rs.getString("event_type"),
                UnmatchedStripeEvent.Kind.valueOf(rs.getString("kind")),
                rs.getString("payment_intent_id"),
                rs.getString("charge_id"),
                rs.getString("dispute_id"),
                Money.of(rs.getLong("amount_minor"), currency),
                noneByEndow ? null : Money.of(byEndow, currency),
                noneOutside ? null : Money.of(outside, currency),
                Money.of(rs.getLong("newly_taken_minor"), currency),
                status == null ? null : DisputeStatus.valueOf(status),
                rs.getString("dispute_reason"),
                rs.getTimestamp("stripe_at").toInstant(),
                rs.getTimestamp("recorded_at").toInstant(),
                tickets,
                explainedAt == null
                        ? Optional.empty()
                        : Optional.of(new UnmatchedStripeEvent.Explanation(
                                rs.getString("explained_by"), explainedAt.toInstant(), rs.getString("explanation"))));
    }
}
