package org.endow.donations.unmatched.model;

import java.util.List;
import java.util.Optional;
import org.endow.kernel.Money;

/** Money Stripe took back on payments that paid no gift, one record per Stripe event. */
public interface UnmatchedStripeEvents {

    /** @return false when this Stripe event is recorded already: nothing changes */
    boolean addIfAbsent(UnmatchedStripeEvent event);

    /**
     * The largest part refunded outside Endow recorded so far for the payment's refunds, zero when none; the payment's
     * refunds stay locked until the transaction ends, so two refunds of one payment are compared one after the other.
     */
    Money refundedOutsideSoFar(String paymentIntentId, String currency);

    /** Newest first (by Stripe's time), {@code offset} skipped, at most {@code limit}. */
    List<UnmatchedStripeEvent> latest(int limit, int offset);

    /** The record, locked until the transaction ends. */
    Optional<UnmatchedStripeEvent> lock(String stripeEventId);

    /** Stores the record's {@link UnmatchedStripeEvent#explanation()}. */
    void recordExplained(UnmatchedStripeEvent event);
}
