package org.endow.donations.giving.model;

import java.time.Instant;
import java.util.Objects;
import org.endow.kernel.Money;

/** A gift from one donor to one funded item (or the general fund). */
public final class Donation {

    private final DonationId id;
    private final DonorId donor;
    private final Money amount;
    private final String fundCode;
    private final PaymentMethod method;
    private final DonationStatus status;
    private final Instant pledgedAt;

    public Donation(
            DonationId id,
            DonorId donor,
            Money amount,
            String fundCode,
            PaymentMethod method,
            DonationStatus status,
            Instant pledgedAt) {
        this.id = Objects.requireNonNull(id);
        this.donor = Objects.requireNonNull(donor);
        this.amount = Objects.requireNonNull(amount);
        this.fundCode = Objects.requireNonNull(fundCode);
        this.method = Objects.requireNonNull(method);
        this.status = Objects.requireNonNull(status);
        this.pledgedAt = Objects.requireNonNull(pledgedAt);
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a donation is a positive amount");
        }
    }

    /** A donor promises {@code amount} to {@code fundCode}; the policy has already been checked. */
    public static DonationEvent.DonationPledged pledge(
            DonationId id, DonorId donor, Money amount, String fundCode, PaymentMethod method, Instant now) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a donation is a positive amount");
        }
        return new DonationEvent.DonationPledged(id, donor, amount, fundCode, method, now);
    }

    public static Donation from(DonationEvent.DonationPledged pledged) {
        return new Donation(
                pledged.donationId(),
                pledged.donorId(),
                pledged.amount(),
                pledged.fundCode(),
                pledged.method(),
                DonationStatus.PLEDGED,
                pledged.occurredAt());
    }

    public boolean belongsTo(DonorId candidate) {
        return donor.equals(candidate);
    }

    public DonationId id() {
        return id;
    }

    public DonorId donor() {
        return donor;
    }

    public Money amount() {
        return amount;
    }

    public String fundCode() {
        return fundCode;
    }

    public PaymentMethod method() {
        return method;
    }

    public DonationStatus status() {
        return status;
    }

    public Instant pledgedAt() {
        return pledgedAt;
    }
}
