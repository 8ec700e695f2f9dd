package org.endow.donations.giving.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.endow.donations.giving.model.DisputeStatus;
import org.endow.donations.giving.model.Donation;
import org.endow.donations.giving.model.DonationId;
import org.endow.donations.giving.model.DonationStatus;
import org.endow.donations.giving.model.Donations;
import org.endow.donations.giving.model.DonorContact;
import org.endow.donations.giving.model.DonorId;
import org.endow.donations.giving.model.Frequency;
import org.endow.donations.giving.model.GiftOptions;
import org.endow.donations.giving.model.PaymentMethod;
import org.endow.donations.giving.model.Recognition;
import org.endow.kernel.Money;

@Singleton
class JdbcDonations implements Donations {

    private final DonationRowRepository rows;
    private final JdbcOperations jdbc;

    JdbcDonations(DonationRowRepository rows, JdbcOperations jdbc) {
        this.rows = rows;
        this.jdbc = jdbc;
    }

    @Override
    public void add(Donation donation, String idempotencyKey) {
        rows.save(toRow(donation, idempotencyKey));
    }

    /**
     * One insert that skips a row whose (donor, idempotency key) exists: the two partial unique indexes on the key
     * (signed-in donors, guests) say so, and a concurrent first request with the same key is waited for.
     */
    @Override
    public boolean addUnlessRetried(Donation donation, String idempotencyKey) {
        DonationRow row = toRow(donation, idempotencyKey);
        return jdbc.prepareStatement(
                        "insert into donation (id, donor_id, donor_name, donor_email, frequency, dedication,"
                                + " recognition_consent, recognition_anonymous, recognition_display_name, amount_minor,"
                                + " currency, fund_code, method, status, pledged_at, idempotency_key, received_at,"
                                + " received_reference, refunded_minor, dispute_status, charged_back_minor)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                + " on conflict do nothing",
                        statement -> {
                            statement.setObject(1, row.id());
                            statement.setString(2, row.donorId());
                            statement.setString(3, row.donorName());
                            statement.setString(4, row.donorEmail());
                            statement.setString(5, row.frequency());
                            statement.setString(6, row.dedication());
                            statement.setBoolean(7, row.recognitionConsent());
                            statement.setBoolean(8, row.recognitionAnonymous());
                            statement.setString(9, row.recognitionDisplayName());
                            statement.setLong(10, row.amountMinor());
                            statement.setString(11, row.currency());
                            statement.setString(12, row.fundCode());
                            statement.setString(13, row.method());
                            statement.setString(14, row.status());
                            statement.setObject(15, timestamp(row.pledgedAt()));
                            statement.setString(16, row.idempotencyKey());
                            statement.setObject(17, timestamp(row.receivedAt()));
                            statement.setString(18, row.receivedReference());
                            statement.setLong(19, row.refundedMinor());
                            statement.setString(20, row.disputeStatus());
                            statement.setLong(21, row.chargedBackMinor());
                            return statement.executeUpdate();
                        })
                == 1;
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public void update(Donation donation) {
        String key = rows.findById(donation.id().value())
                .map(DonationRow::idempotencyKey)
                .orElse(null);
        rows.update(toRow(donation, key));
    }

    private static DonationRow toRow(Donation donation, String idempotencyKey) {
        GiftOptions options = donation.options();
        Optional<DonorContact> contact = options.contactIfKnown();
        return new DonationRow(
                donation.id().value(),
                donation.donor().map(DonorId::value).orElse(null),
                contact.map(DonorContact::name).orElse(null),
                contact.map(DonorContact::email).orElse(null),
                options.frequency().name(),
                options.dedication(),
                options.recognition().consent(),
                options.recognition().anonymous(),
                options.recognition().displayName(),
                donation.amount().minor(),
                donation.amount().currencyCode(),
                donation.fundCode(),
                donation.method().name(),
                donation.status().name(),
                donation.pledgedAt(),
                idempotencyKey,
                donation.receivedAt(),
                donation.receivedReference(),
                donation.refunded().minor(),
                donation.dispute().map(Enum::name).orElse(null),
                donation.chargedBack().minor());
    }

    @Override
    public Map<DonationId, Donation> findAll(Collection<DonationId> ids) {
        Map<DonationId, Donation> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        for (DonationRow row :
                rows.findByIdIn(ids.stream().map(DonationId::value).toList())) {
            Donation donation = toModel(row);
            found.put(donation.id(), donation);
        }
        return found;
    }

    @Override
    public Optional<Donation> find(DonationId id) {
        return rows.findById(id.value()).map(JdbcDonations::toModel);
    }

    @Override
    public Optional<Donation> lock(DonationId id) {
        return rows.findByIdForUpdate(id.value()).map(JdbcDonations::toModel);
    }

    @Override
    public Optional<Donation> findByIdempotencyKey(DonorId donor, String idempotencyKey) {
        Optional<DonationRow> row = donor == null
                ? rows.findByDonorIdIsNullAndIdempotencyKey(idempotencyKey)
                : rows.findByDonorIdAndIdempotencyKey(donor.value(), idempotencyKey);
        return row.map(JdbcDonations::toModel);
    }

    @Override
    public List<Donation> byDonor(DonorId donor) {
        return rows.findByDonorIdOrderByPledgedAtDesc(donor.value()).stream()
                .map(JdbcDonations::toModel)
                .toList();
    }

    static Donation toModel(DonationRow row) {
        return new Donation(
                new DonationId(row.id()),
                row.donorId() == null ? null : new DonorId(row.donorId()),
                new GiftOptions(
                        row.donorName() == null ? null : new DonorContact(row.donorName(), row.donorEmail()),
                        Frequency.valueOf(row.frequency()),
                        row.dedication(),
                        new Recognition(
                                row.recognitionConsent(), row.recognitionAnonymous(), row.recognitionDisplayName())),
                Money.of(row.amountMinor(), row.currency()),
                row.fundCode(),
                PaymentMethod.valueOf(row.method()),
                DonationStatus.valueOf(row.status()),
                row.pledgedAt(),
                row.receivedAt(),
                row.receivedReference(),
                Money.of(row.refundedMinor(), row.currency()),
                row.disputeStatus() == null ? null : DisputeStatus.valueOf(row.disputeStatus()),
                Money.of(row.chargedBackMinor(), row.currency()));
    }
}
