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
    private DonationStatus status;
    private final Instant pledgedAt;
    private Instant receivedAt;
    private String receivedReference;

    public Donation(
            DonationId id,
            DonorId donor,
            Money amount,
            String fundCode,
            PaymentMethod method,
            DonationStatus status,
            Instant pledgedAt,
            Instant receivedAt,
            String receivedReference) {
        this.id = Objects.requireNonNull(id);
        this.donor = Objects.requireNonNull(donor);
        this.amount = Objects.requireNonNull(amount);
        this.fundCode = Objects.requireNonNull(fundCode);
        this.method = Objects.requireNonNull(method);
        this.status = Objects.requireNonNull(status);
        this.pledgedAt = Objects.requireNonNull(pledgedAt);
        this.receivedAt = receivedAt;
        this.receivedReference = receivedReference;
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
                pledged.occurredAt(),
                null,
                null);
    }

    /**
     * The money of this pledge arrived.
     *
     * @throws IllegalStateException when it was already received: money is never counted twice
     */
    public DonationEvent.DonationReceived receive(Instant now, String reference) {
        if (status != DonationStatus.PLEDGED) {
            throw new IllegalStateException(
                    "donation " + id + " is " + status.name().toLowerCase() + ", not pledged");
        }
        status = DonationStatus.RECEIVED;
        receivedAt = now;
        receivedReference = reference;
        return new DonationEvent.DonationReceived(this, now, reference);
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public String receivedReference() {
        return receivedReference;
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
