package org.endow.donations.registrations.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.endow.donations.registrations.model.DefaultAnswer;
import org.endow.donations.registrations.model.TicketedEvent;
import org.endow.donations.registrations.model.TicketedEvents;
import org.endow.kernel.Money;

@Singleton
class JdbcTicketedEvents implements TicketedEvents {

    private static final String COLUMNS =
            "code, name, currency, fund_code, deadline, default_answer, cancelled_at, last_reminded_at";

    private final JdbcOperations jdbc;

    JdbcTicketedEvents(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean add(TicketedEvent event) {
        return jdbc.prepareStatement(
                        "insert into ticketed_event (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)"
                                + " on conflict (code) do nothing",
                        statement -> {
                            statement.setString(1, event.code());
                            statement.setString(2, event.name());
                            statement.setString(3, event.currency().getCurrencyCode());
                            statement.setString(4, event.fundCode());
                            statement.setTimestamp(5, Timestamp.from(event.deadline()));
                            statement.setString(6, event.defaultAnswer().name());
                            statement.setTimestamp(7, ts(event.cancelledAt().orElse(null)));
                            statement.setTimestamp(8, ts(event.lastRemindedAt().orElse(null)));
                            return statement.executeUpdate();
                        })
                == 1;
    }

    @Override
    public Optional<TicketedEvent> find(String code) {
        return jdbc.prepareStatement("select " + COLUMNS + " from ticketed_event where code = ?", statement -> {
            statement.setString(1, code);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(event(rs)) : Optional.empty();
            }
        });
    }

    @Override
    public void update(TicketedEvent event) {
        jdbc.prepareStatement(
                "update ticketed_event set cancelled_at = ?, last_reminded_at = ? where code = ?", statement -> {
                    statement.setTimestamp(1, ts(event.cancelledAt().orElse(null)));
                    statement.setTimestamp(2, ts(event.lastRemindedAt().orElse(null)));
                    statement.setString(3, event.code());
                    return statement.executeUpdate();
                });
    }

    @Override
    public List<TicketedEvent> cancelledAndPastDeadline(Instant now) {
        return jdbc.prepareStatement(
                "select " + COLUMNS + " from ticketed_event where cancelled_at is not null and deadline <= ?"
                        + " order by code",
                statement -> {
                    statement.setTimestamp(1, Timestamp.from(now));
                    List<TicketedEvent> out = new ArrayList<>();
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            out.add(event(rs));
                        }
                    }
                    return out;
                });
    }

    private static TicketedEvent event(ResultSet rs) throws SQLException {
        return new TicketedEvent(
                rs.getString(1),
                rs.getString(2),
                Money.currency(rs.getString(3)),
                rs.getString(4),
                rs.getTimestamp(5).toInstant(),
                DefaultAnswer.valueOf(rs.getString(6)),
                instant(rs.getTimestamp(7)),
                instant(rs.getTimestamp(8)));
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
