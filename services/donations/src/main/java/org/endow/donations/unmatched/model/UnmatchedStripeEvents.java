package org.endow.donations.unmatched.model;

import java.util.List;
import java.util.Optional;

/** Money Stripe took back on payments that paid no gift, one record per Stripe event. */
public interface UnmatchedStripeEvents {

    /** @return false when this Stripe event is recorded already: nothing changes */
    boolean addIfAbsent(UnmatchedStripeEvent event);

    /** Newest first (by Stripe's time), {@code offset} skipped, at most {@code limit}. */
    List<UnmatchedStripeEvent> latest(int limit, int offset);

    /** The record, locked until the transaction ends. */
    Optional<UnmatchedStripeEvent> lock(String stripeEventId);

    /** Stores the record's {@link UnmatchedStripeEvent#explanation()}. */
    void recordExplained(UnmatchedStripeEvent event);
}
