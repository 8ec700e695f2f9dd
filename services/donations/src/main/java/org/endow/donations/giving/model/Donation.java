package org.endow.donations.giving.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.endow.kernel.Money;

/**
 * A gift from one donor to one funded item (or the general fund). The donor is a signed-in account
 * or a guest from the public donate page (then there is no {@link DonorId}, only the contact).
 */
public final class Donation {

    private final DonationId id;
    private final DonorId donor;
    private final GiftOptions options;
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
            GiftOptions options,
            Money amount,
            String fundCode,
            PaymentMethod method,
            DonationStatus status,
            Instant pledgedAt,
            Instant receivedAt,
            String receivedReference) {
        this.id = Objects.requireNonNull(id);
        this.donor = donor;
        this.options = Objects.requireNonNull(options);
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

    /**
     * A donor promises {@code amount} to {@code fundCode}; the policy has already been checked.
     *
     * @param donor the signed-in donor, {@code null} for a guest
     * @param options contact, frequency, dedication and recognition; the contact is required
     */
    public static DonationEvent.DonationPledged pledge(
            DonationId id,
            DonorId donor,
            GiftOptions options,
            Money amount,
            String fundCode,
            PaymentMethod method,
            Instant now) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a donation is a positive amount");
        }
        if (options.contact() == null) {
            throw new IllegalArgumentException("a new donation needs the donor's name and email");
        }
        return new DonationEvent.DonationPledged(id, donor, options, amount, fundCode, method, now);
    }

    public static Donation from(DonationEvent.DonationPledged pledged) {
        return new Donation(
                pledged.donationId(),
                pledged.donorId(),
                pledged.options(),
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

    /** Only a signed-in donor owns a donation; a guest's gift belongs to no account. */
    public boolean belongsTo(DonorId candidate) {
        return donor != null && donor.equals(candidate);
    }

    public DonationId id() {
        return id;
    }

    /** @return the signed-in donor, empty for a guest's gift */
    public Optional<DonorId> donor() {
        return Optional.ofNullable(donor);
    }

    public boolean byGuest() {
        return donor == null;
    }

    public GiftOptions options() {
        return options;
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
