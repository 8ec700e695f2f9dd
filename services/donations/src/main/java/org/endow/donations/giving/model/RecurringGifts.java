package org.endow.donations.giving.model;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface RecurringGifts {

    void add(RecurringGift gift, String idempotencyKey);

    void update(RecurringGift gift);

    /** Locks the gift's row for the transaction (concurrent webhook deliveries serialise on it). */
    Optional<RecurringGift> lock(UUID id);

    Optional<RecurringGift> findByIdempotencyKey(DonorId donor, String idempotencyKey);

    List<RecurringGift> byDonor(DonorId donor);
}
