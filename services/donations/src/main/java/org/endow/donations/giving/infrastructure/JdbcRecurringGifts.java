package org.endow.donations.giving.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.endow.donations.giving.model.DonorContact;
import org.endow.donations.giving.model.DonorId;
import org.endow.donations.giving.model.Frequency;
import org.endow.donations.giving.model.GiftOptions;
import org.endow.donations.giving.model.Recognition;
import org.endow.donations.giving.model.RecurringGift;
import org.endow.donations.giving.model.RecurringGifts;
import org.endow.kernel.Money;

@Singleton
@Transactional(propagation = io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY)
class JdbcRecurringGifts implements RecurringGifts {

    private static final String COLUMNS = "id, donor_id, donor_name, donor_email, dedication, recognition_consent,"
            + " recognition_anonymous, recognition_display_name, amount_minor, currency, fund_code, status,"
            + " created_at, started_at, cancelled_at";

    private final JdbcOperations jdbc;

    JdbcRecurringGifts(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(RecurringGift gift, String idempotencyKey) {
        jdbc.prepareStatement(
                "insert into recurring_gift (" + COLUMNS + ", idempotency_key)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                statement -> {
                    statement.setObject(1, gift.id());
                    statement.setString(2, gift.donor().map(DonorId::value).orElse(null));
                    statement.setString(3, gift.options().contact().name());
                    statement.setString(4, gift.options().contact().email());
                    statement.setString(5, gift.options().dedication());
                    statement.setBoolean(6, gift.options().recognition().consent());
                    statement.setBoolean(7, gift.options().recognition().anonymous());
                    statement.setString(8, gift.options().recognition().displayName());
                    statement.setLong(9, gift.monthly().minor());
                    statement.setString(10, gift.monthly().currencyCode());
                    statement.setString(11, gift.fundCode());
                    statement.setString(12, gift.status().name());
                    statement.setTimestamp(13, Timestamp.from(gift.createdAt()));
                    statement.setTimestamp(
                            14, gift.startedAt().map(Timestamp::from).orElse(null));
                    statement.setTimestamp(
                            15, gift.cancelledAt().map(Timestamp::from).orElse(null));
                    statement.setString(16, idempotencyKey);
                    return statement.executeUpdate();
                });
    }

    @Override
    public void update(RecurringGift gift) {
        jdbc.prepareStatement(
                "update recurring_gift set status = ?, started_at = ?, cancelled_at = ? where id = ?", statement -> {
                    statement.setString(1, gift.status().name());
                    statement.setTimestamp(
                            2, gift.startedAt().map(Timestamp::from).orElse(null));
                    statement.setTimestamp(
                            3, gift.cancelledAt().map(Timestamp::from).orElse(null));
                    statement.setObject(4, gift.id());
                    return statement.executeUpdate();
                });
    }

    @Override
    public Optional<RecurringGift> lock(UUID id) {
        return one(
                "select " + COLUMNS + " from recurring_gift where id = ? for update",
                statement -> statement.setObject(1, id));
    }

    @Override
    public Optional<RecurringGift> findByIdempotencyKey(DonorId donor, String idempotencyKey) {
        if (donor == null) {
            return one(
                    "select " + COLUMNS + " from recurring_gift where donor_id is null and idempotency_key = ?",
                    statement -> statement.setString(1, idempotencyKey));
        }
        return one(
                "select " + COLUMNS + " from recurring_gift where donor_id = ? and idempotency_key = ?", statement -> {
                    statement.setString(1, donor.value());
                    statement.setString(2, idempotencyKey);
                });
    }

    @Override
    public List<RecurringGift> byDonor(DonorId donor) {
        return jdbc.prepareStatement(
                "select " + COLUMNS + " from recurring_gift where donor_id = ? order by created_at desc", statement -> {
                    statement.setString(1, donor.value());
                    try (ResultSet rs = statement.executeQuery()) {
                        List<RecurringGift> gifts = new java.util.ArrayList<>();
                        while (rs.next()) {
                            gifts.add(map(rs));
                        }
                        return gifts;
                    }
                });
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private Optional<RecurringGift> one(String sql, Binder binder) {
        return jdbc.prepareStatement(sql, statement -> {
            binder.bind(statement);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.<RecurringGift>empty();
            }
        });
    }

    private static RecurringGift map(ResultSet rs) throws SQLException {
        String donor = rs.getString("donor_id");
        return new RecurringGift(
                rs.getObject("id", UUID.class),
                donor == null ? null : new DonorId(donor),
                new GiftOptions(
                        new DonorContact(rs.getString("donor_name"), rs.getString("donor_email")),
                        Frequency.MONTHLY,
                        rs.getString("dedication"),
                        new Recognition(
                                rs.getBoolean("recognition_consent"),
                                rs.getBoolean("recognition_anonymous"),
                                rs.getString("recognition_display_name"))),
                Money.of(rs.getLong("amount_minor"), rs.getString("currency")),
                rs.getString("fund_code"),
                RecurringGift.Status.valueOf(rs.getString("status")),
                instant(rs, "created_at"),
                instant(rs, "started_at"),
                instant(rs, "cancelled_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
