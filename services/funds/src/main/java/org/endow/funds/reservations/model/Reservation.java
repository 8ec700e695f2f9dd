package org.endow.funds.reservations.model;

import java.time.Instant;
import java.util.Objects;
import org.endow.kernel.Money;

/**
 * Money of a funded item set aside for one approved grant. A reservation is a commitment, not a
 * movement of money: it is kept beside the ledger (like an encumbrance) and lowers what is
 * available; paying the grant is what the ledger records (#6): each milestone paid turns that much of
 * the reservation into money disbursed, until all of it is paid.
 */
public final class Reservation {

    private final String grantId;
    private final String fundCode;
    private final Money amount;
    private final Instant reservedAt;
    private Status status;
    private Instant releasedAt;
    private Money disbursed;

    public Reservation(
            String grantId, String fundCode, Money amount, Instant reservedAt, Status status, Instant releasedAt) {
        this(grantId, fundCode, amount, reservedAt, status, releasedAt, Money.zero(amount.currencyCode()));
    }

    public Reservation(
            String grantId,
            String fundCode,
            Money amount,
            Instant reservedAt,
            Status status,
            Instant releasedAt,
            Money disbursed) {
        this.grantId = Objects.requireNonNull(grantId);
        this.fundCode = Objects.requireNonNull(fundCode);
        this.amount = Objects.requireNonNull(amount);
        this.reservedAt = Objects.requireNonNull(reservedAt);
        this.status = Objects.requireNonNull(status);
        this.releasedAt = releasedAt;
        this.disbursed = Objects.requireNonNull(disbursed);
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a reservation is a positive amount");
        }
        if (disbursed.isNegative() || disbursed.compareTo(amount) > 0) {
            throw new IllegalArgumentException("disbursed must be between zero and the amount reserved");
        }
    }

    /**
     * A milestone of the grant was paid: that much of the reservation is now disbursed.
     *
     * @return false when the payment does not fit what is still reserved (already paid, released, or more
     *     than remains): the ledger still records the payment, the reservation stays as it is
     */
    public boolean disburse(Money payment) {
        if (status != Status.RESERVED || !payment.isPositive() || payment.compareTo(remaining()) > 0) {
            return false;
        }
        disbursed = disbursed.plus(payment);
        if (disbursed.compareTo(amount) == 0) {
            status = Status.DISBURSED;
        }
        return true;
    }

    /** Reserved and not yet paid. */
    public Money remaining() {
        return amount.minus(disbursed);
    }

    public Money disbursed() {
        return disbursed;
    }

    /**
     * Decides a grant's request against what the item holds.
     *
     * @param available what the item has that is neither reserved nor paid out
     * @return the reservation, or empty when the item cannot cover the amount
     */
    public static java.util.Optional<Reservation> request(
            String grantId, String fundCode, Money amount, Money available, Instant now) {
        if (!amount.isPositive() || amount.compareTo(available) > 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Reservation(grantId, fundCode, amount, now, Status.RESERVED, null));
    }

    /** @return false when there was nothing to release (already released) */
    public boolean release(Instant now) {
        if (status != Status.RESERVED) {
            return false;
        }
        status = Status.RELEASED;
        releasedAt = now;
        return true;
    }

    public boolean isActive() {
        return status == Status.RESERVED;
    }

    public String grantId() {
        return grantId;
    }

    public String fundCode() {
        return fundCode;
    }

    public Money amount() {
        return amount;
    }

    public Instant reservedAt() {
        return reservedAt;
    }

    public Status status() {
        return status;
    }

    public Instant releasedAt() {
        return releasedAt;
    }

    public enum Status {
        RESERVED,
        RELEASED,
        /** Paid in full. */
        DISBURSED
    }
}
