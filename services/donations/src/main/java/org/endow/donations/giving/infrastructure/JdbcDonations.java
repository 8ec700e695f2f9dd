package org.endow.donations.giving.infrastructure;

import jakarta.inject.Singleton;
import java.util.List;
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

    JdbcDonations(DonationRowRepository rows) {
        this.rows = rows;
    }

    @Override
    public void add(Donation donation, String idempotencyKey) {
        rows.save(toRow(donation, idempotencyKey));
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
                donation.dispute().map(Enum::name).orElse(null));
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
                row.disputeStatus() == null ? null : DisputeStatus.valueOf(row.disputeStatus()));
    }
}
