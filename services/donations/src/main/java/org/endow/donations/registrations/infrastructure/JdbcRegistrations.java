package org.endow.donations.registrations.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.endow.donations.registrations.model.Answer;
import org.endow.donations.registrations.model.BankRefund;
import org.endow.donations.registrations.model.Conversion;
import org.endow.donations.registrations.model.Registration;
import org.endow.donations.registrations.model.Registrations;
import org.endow.donations.registrations.model.Tally;
import org.endow.kernel.Money;

@Singleton
class JdbcRegistrations implements Registrations {

    private static final String SELECT = "select r.event_code, r.email, r.name, r.ticket_type, r.paid_minor,"
            + " e.currency, r.payment_intent_id, r.answer, r.donated_minor, r.refunded_minor, r.answered_at,"
            + " r.answered_by_default from registration r join ticketed_event e on e.code = r.event_code";

    private final JdbcOperations jdbc;

    JdbcRegistrations(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean addIfAbsent(Registration registration) {
        return jdbc.prepareStatement(
                        "insert into registration (event_code, email, name, ticket_type, paid_minor, payment_intent_id)"
                                + " values (?, ?, ?, ?, ?, ?) on conflict (event_code, email) do nothing",
                        statement -> {
                            statement.setString(1, registration.eventCode());
                            statement.setString(2, registration.email());
                            statement.setString(3, registration.name());
                            statement.setString(4, registration.ticketType());
                            statement.setLong(5, registration.paid().minor());
                            statement.setString(
                                    6, registration.paymentIntentId().orElse(null));
                            return statement.executeUpdate();
                        })
                == 1;
    }

    @Override
    public List<Registration> ofEvent(String eventCode) {
        return jdbc.prepareStatement(SELECT + " where r.event_code = ? order by r.email", statement -> {
            statement.setString(1, eventCode);
            List<Registration> out = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    out.add(registration(rs));
                }
            }
            return out;
        });
    }

    @Override
    public void setOfferTokenHash(String eventCode, String email, String tokenHash) {
        jdbc.prepareStatement(
                "update registration set offer_token_hash = ? where event_code = ? and email = ?", statement -> {
                    statement.setString(1, tokenHash);
                    statement.setString(2, eventCode);
                    statement.setString(3, email);
                    return statement.executeUpdate();
                });
    }

    @Override
    public Optional<Registration> findByOfferTokenHash(String tokenHash) {
        return jdbc.prepareStatement(SELECT + " where r.offer_token_hash = ?", statement -> {
            statement.setString(1, tokenHash);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(registration(rs)) : Optional.empty();
            }
        });
    }

    @Override
    public boolean recordAnswer(Registration registration) {
        Conversion conversion = registration.conversion().orElseThrow();
        return jdbc.prepareStatement(
                        "update registration set answer = ?, donated_minor = ?, refunded_minor = ?, answered_at = ?,"
                                + " answered_by_default = ? where event_code = ? and email = ? and answer is null",
                        statement -> {
                            statement.setString(1, conversion.answer().name());
                            statement.setLong(2, conversion.donated().minor());
                            statement.setLong(3, conversion.refunded().minor());
                            statement.setTimestamp(
                                    4,
                                    JdbcTicketedEvents.ts(
                                            registration.answeredAt().orElseThrow()));
                            statement.setBoolean(5, registration.answeredByDefault());
                            statement.setString(6, registration.eventCode());
                            statement.setString(7, registration.email());
                            return statement.executeUpdate();
                        })
                == 1;
    }

    @Override
    public Tally tally(String eventCode, Currency currency) {
        return jdbc.prepareStatement(
                "select count(*) filter (where answer = 'REFUND'), count(*) filter (where answer = 'DONATE_ALL'),"
                        + " count(*) filter (where answer = 'DONATE_PART'), count(*) filter (where answer is null),"
                        + " coalesce(sum(donated_minor), 0),"
                        + " coalesce(sum(refunded_minor) filter (where refund_way = 'ON_CARD'"
                        + " or bank_refund_sent_at is not null), 0),"
                        + " coalesce(sum(refunded_minor) filter (where refund_way = 'DUE_BY_BANK'"
                        + " and bank_refund_sent_at is null), 0),"
                        + " count(*) filter (where refund_way = 'DUE_BY_BANK' and bank_refund_sent_at is null)"
                        + " from registration where event_code = ?",
                statement -> {
                    statement.setString(1, eventCode);
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        return new Tally(
                                rs.getInt(1),
                                rs.getInt(2),
                                rs.getInt(3),
                                rs.getInt(4),
                                new Money(rs.getLong(5), currency),
                                new Money(rs.getLong(6), currency),
                                new Money(rs.getLong(7), currency),
                                rs.getInt(8));
                    }
                });
    }

    @Override
    public void recordSettlement(
            String eventCode, String email, String refundWay, String refundReference, String donationId) {
        jdbc.prepareStatement(
                "update registration set refund_way = ?, refund_reference = ?, donation_id = ?"
                        + " where event_code = ? and email = ?",
                statement -> {
                    statement.setString(1, refundWay);
                    statement.setString(2, refundReference);
                    if (donationId == null) {
                        statement.setNull(3, Types.OTHER);
                    } else {
                        statement.setObject(3, UUID.fromString(donationId));
                    }
                    statement.setString(4, eventCode);
                    statement.setString(5, email);
                    return statement.executeUpdate();
                });
    }

    private static final String BANK_REFUND_COLUMNS = "r.event_code, r.email, r.name, r.ticket_type,"
            + " r.refunded_minor, e.currency, r.refund_reference, r.answered_at, r.bank_refund_sent_at,"
            + " r.bank_refund_sent_by, r.bank_refund_sent_reference"
            + " from registration r join ticketed_event e on e.code = r.event_code";

    @Override
    public List<BankRefund> bankRefunds(String eventCode) {
        return jdbc.prepareStatement(
                "select " + BANK_REFUND_COLUMNS + " where r.event_code = ? and r.refund_way = 'DUE_BY_BANK'"
                        + " order by r.bank_refund_sent_at is not null, r.answered_at, r.email",
                statement -> {
                    statement.setString(1, eventCode);
                    List<BankRefund> refunds = new ArrayList<>();
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            refunds.add(bankRefund(rs));
                        }
                    }
                    return refunds;
                });
    }

    @Override
    public Optional<BankRefund> lockBankRefund(String eventCode, String email) {
        return jdbc.prepareStatement(
                "select " + BANK_REFUND_COLUMNS + " where r.event_code = ? and r.email = ?"
                        + " and r.refund_way = 'DUE_BY_BANK' for update of r",
                statement -> {
                    statement.setString(1, eventCode);
                    statement.setString(2, email);
                    try (ResultSet rs = statement.executeQuery()) {
                        return rs.next() ? Optional.of(bankRefund(rs)) : Optional.<BankRefund>empty();
                    }
                });
    }

    @Override
    public boolean exists(String eventCode, String email) {
        return jdbc.prepareStatement("select 1 from registration where event_code = ? and email = ?", statement -> {
            statement.setString(1, eventCode);
            statement.setString(2, email);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        });
    }

    @Override
    public void recordBankRefundSent(BankRefund refund) {
        BankRefund.Sent sent = refund.sent().orElseThrow();
        jdbc.prepareStatement(
                "update registration set bank_refund_sent_at = ?, bank_refund_sent_by = ?,"
                        + " bank_refund_sent_reference = ? where event_code = ? and email = ?"
                        + " and refund_way = 'DUE_BY_BANK' and bank_refund_sent_at is null",
                statement -> {
                    statement.setTimestamp(1, JdbcTicketedEvents.ts(sent.at()));
                    statement.setString(2, sent.by());
                    statement.setString(3, sent.reference());
                    statement.setString(4, refund.eventCode());
                    statement.setString(5, refund.email());
                    if (statement.executeUpdate() != 1) {
                        throw new IllegalStateException(
                                "the bank refund of " + refund.email() + " was not owed any more when recorded");
                    }
                    return null;
                });
    }

    private static BankRefund bankRefund(ResultSet rs) throws SQLException {
        Currency currency = Money.currency(rs.getString(6));
        Instant sentAt = JdbcTicketedEvents.instant(rs.getTimestamp(9));
        return new BankRefund(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                new Money(rs.getLong(5), currency),
                Optional.ofNullable(rs.getString(7)),
                JdbcTicketedEvents.instant(rs.getTimestamp(8)),
                sentAt == null
                        ? Optional.empty()
                        : Optional.of(new BankRefund.Sent(sentAt, rs.getString(10), rs.getString(11))));
    }

    private static Registration registration(ResultSet rs) throws SQLException {
        Currency currency = Money.currency(rs.getString(6));
        String answer = rs.getString(8);
        Conversion conversion = answer == null
                ? null
                : new Conversion(
                        Answer.valueOf(answer),
                        new Money(rs.getLong(9), currency),
                        new Money(rs.getLong(10), currency));
        return new Registration(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                new Money(rs.getLong(5), currency),
                rs.getString(7),
                conversion,
                JdbcTicketedEvents.instant(rs.getTimestamp(11)),
                rs.getBoolean(12));
    }
}
