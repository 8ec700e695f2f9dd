package org.endow.donations.giving.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    private GiftOptions options;
    private final Money amount;
    private final String fundCode;
    private final PaymentMethod method;
    private DonationStatus status;
    private final Instant pledgedAt;
    private Instant receivedAt;
    private String receivedReference;
    private Money refunded;
    private DisputeStatus dispute;
    private Money chargedBack;

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
        this.refunded = Money.zero(amount.currencyCode());
        this.chargedBack = Money.zero(amount.currencyCode());
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a donation is a positive amount");
        }
    }

    /**
     * A stored donation with what was refunded of it, the state of a card dispute if any, and what a lost
     * dispute took back of it.
     */
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
            String receivedReference,
            Money refunded,
            DisputeStatus dispute,
            Money chargedBack) {
        this(id, donor, options, amount, fundCode, method, status, pledgedAt, receivedAt, receivedReference);
        if (refunded.isNegative()
                || chargedBack.isNegative()
                || refunded.plus(chargedBack).compareTo(amount) > 0) {
            throw new IllegalArgumentException(
                    "refunded " + refunded + " and charged back " + chargedBack + " are not within " + amount);
        }
        this.refunded = refunded;
        this.dispute = dispute;
        this.chargedBack = chargedBack;
    }

    /**
     * A donor starts a card checkout: nothing is promised until the card payment is confirmed, so
     * nothing reaches the ledger yet.
     */
    public static Donation awaitingCard(
            DonationId id, DonorId donor, GiftOptions options, Money amount, String fundCode, Instant now) {
        if (options.contact() == null) {
            throw new IllegalArgumentException("a new donation needs the donor's name and email");
        }
        return new Donation(
                id,
                donor,
                options,
                amount,
                fundCode,
                PaymentMethod.CARD,
                DonationStatus.AWAITING_PAYMENT,
                now,
                null,
                null);
    }

    /**
     * The card payment was confirmed (a verified Stripe event): the gift is pledged and received at
     * once. A refund that was reported before the payment (events may arrive out of order) follows.
     *
     * @return the events to publish; none when the payment was already recorded (a redelivery)
     */
    public List<DonationEvent> paidByCard(Instant now, String paymentReference) {
        if (status == DonationStatus.RECEIVED || status == DonationStatus.REFUNDED) {
            return List.of();
        }
        if (status != DonationStatus.AWAITING_PAYMENT && status != DonationStatus.ABANDONED) {
            throw new IllegalStateException(
                    "donation " + id + " is " + status.name().toLowerCase(Locale.ROOT));
        }
        List<DonationEvent> events = new ArrayList<>();
        events.add(new DonationEvent.DonationPledged(id, donor, options, amount, fundCode, method, pledgedAt));
        status = DonationStatus.RECEIVED;
        receivedAt = now;
        receivedReference = paymentReference;
        events.add(new DonationEvent.DonationReceived(this, now, paymentReference));
        if (refunded.isPositive()) {
            Money early = refunded;
            refunded = Money.zero(amount.currencyCode());
            events.add(refundTo(early, now, "refund reported before the payment"));
        }
        return events;
    }

    /**
     * The card checkout expired unpaid, or its delayed payment (e.g. a bank debit) failed.
     *
     * @return whether it was awaiting payment until now
     */
    public boolean abandon() {
        if (status == DonationStatus.AWAITING_PAYMENT) {
            status = DonationStatus.ABANDONED;
            return true;
        }
        return false;
    }

    /**
     * The total refunded of this gift is now {@code totalRefunded} (Stripe reports the cumulative
     * amount, so a duplicate or late report changes nothing). A refund reported after a lost dispute (Stripe
     * does not order its events: the refund was made before the dispute) ends as if reported first: the dispute
     * took back at most what the refund left of the gift, and only money not already taken back leaves now.
     *
     * @return the refund of the difference, empty when nothing new was refunded (or, after a lost dispute, when
     *     all of it had already been taken back)
     * @throws IllegalArgumentException when more than the gift would be refunded
     */
    public Optional<DonationEvent.DonationRefunded> refundedInTotal(
            Money totalRefunded, Instant now, String reference) {
        if (totalRefunded.compareTo(amount) > 0) {
            throw new IllegalArgumentException("refunds of " + totalRefunded + " exceed the gift of " + amount);
        }
        if (totalRefunded.compareTo(refunded) <= 0) {
            return Optional.empty();
        }
        if (status == DonationStatus.AWAITING_PAYMENT || status == DonationStatus.ABANDONED) {
            // reported before the payment itself: kept, and published once the payment is recorded
            refunded = totalRefunded;
            return Optional.empty();
        }
        if (chargedBack.isPositive()) {
            return refundedAfterChargeback(totalRefunded, now, reference);
        }
        return Optional.of(refundTo(totalRefunded, now, reference));
    }

    /**
     * In order, the dispute would have taken back the disputed amount, at most what the refunds left: at most
     * {@code amount - totalRefunded} now. What was taken back beyond that was this refund's money, already out of
     * the ledger, so only the rest of the refund leaves now.
     */
    private Optional<DonationEvent.DonationRefunded> refundedAfterChargeback(
            Money totalRefunded, Instant now, String reference) {
        Money returnedBefore = returned();
        Money leftAfterRefunds = amount.minus(totalRefunded);
        refunded = totalRefunded;
        if (chargedBack.compareTo(leftAfterRefunds) > 0) {
            chargedBack = leftAfterRefunds;
        }
        if (refunded.equals(amount)) {
            status = DonationStatus.REFUNDED;
        }
        Money leaving = returned().minus(returnedBefore);
        return leaving.isPositive()
                ? Optional.of(new DonationEvent.DonationRefunded(this, leaving, now, reference))
                : Optional.empty();
    }

    /**
     * Staff give back {@code part} of a received gift (paid by bank or cheque; a card refund goes
     * through Stripe and is recorded when Stripe confirms it).
     *
     * @throws IllegalStateException when the gift was not received
     * @throws IllegalArgumentException when {@code part} is more than what is left of it
     */
    public DonationEvent.DonationRefunded refund(Money part, Instant now, String reference) {
        checkRefundable(part);
        return refundTo(refunded.plus(part), now, reference);
    }

    /** What may still be refunded, or why nothing may. */
    public void checkRefundable(Money part) {
        if (status != DonationStatus.RECEIVED) {
            throw new IllegalStateException("donation " + id + " is "
                    + status.name().toLowerCase(Locale.ROOT) + ": only a received gift can be refunded");
        }
        if (dispute == DisputeStatus.OPEN) {
            throw new IllegalStateException("donation " + id + " is disputed by the donor's bank: nothing can be"
                    + " refunded until the dispute is closed");
        }
        if (!part.isPositive()) {
            throw new IllegalArgumentException("a refund is a positive amount");
        }
        Money left = amount.minus(refunded).minus(chargedBack);
        if (part.compareTo(left) > 0) {
            throw new IllegalArgumentException("at most " + left + " of this gift is left to refund (" + amount
                    + " paid, " + refunded + " refunded"
                    + (chargedBack.isZero() ? "" : ", " + chargedBack + " taken back by a lost dispute") + ")");
        }
    }

    private DonationEvent.DonationRefunded refundTo(Money total, Instant now, String reference) {
        Money part = total.minus(refunded);
        refunded = total;
        if (refunded.equals(amount)) {
            status = DonationStatus.REFUNDED;
        }
        return new DonationEvent.DonationRefunded(this, part, now, reference);
    }

    /**
     * A card dispute on this gift was opened or closed. A lost dispute takes the disputed money back.
     *
     * @return the event, empty when this state was already recorded
     */
    public Optional<DonationEvent.DonationDisputed> disputed(
            DisputeStatus state, Money disputedAmount, Instant now, String reference) {
        if (state == dispute || (dispute != null && dispute != DisputeStatus.OPEN && state == DisputeStatus.OPEN)) {
            return Optional.empty();
        }
        if (status == DonationStatus.AWAITING_PAYMENT || status == DonationStatus.ABANDONED) {
            throw new IllegalStateException("donation " + id + " is not paid yet");
        }
        dispute = state;
        if (state == DisputeStatus.LOST) {
            // the bank took the disputed amount back (never more than what is left of the gift after refunds);
            // the event says what was taken back, which is what leaves the ledger
            Money left = amount.minus(refunded);
            chargedBack = disputedAmount.compareTo(left) > 0 ? left : disputedAmount;
            return Optional.of(new DonationEvent.DonationDisputed(this, state, chargedBack, now, reference));
        }
        return Optional.of(new DonationEvent.DonationDisputed(this, state, disputedAmount, now, reference));
    }

    /**
     * The donor changes whether and how this gift may be thanked publicly.
     *
     * @return the event, empty when nothing changed
     */
    public Optional<DonationEvent.RecognitionChanged> changeRecognition(Recognition recognition, Instant now) {
        if (recognition.equals(options.recognition())) {
            return Optional.empty();
        }
        options = new GiftOptions(options.contact(), options.frequency(), options.dedication(), recognition);
        return Optional.of(new DonationEvent.RecognitionChanged(this, now));
    }

    public Money refunded() {
        return refunded;
    }

    public Optional<DisputeStatus> dispute() {
        return Optional.ofNullable(dispute);
    }

    /** What a lost card dispute took back of this gift (zero when none). */
    public Money chargedBack() {
        return chargedBack;
    }

    /** What went back to the donor in all: refunds and what a lost dispute took back. */
    public Money returned() {
        return refunded.plus(chargedBack);
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
