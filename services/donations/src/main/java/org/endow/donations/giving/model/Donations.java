package org.endow.donations.giving.model;

import java.util.List;
import java.util.Optional;

public interface Donations {

    void add(Donation donation, String idempotencyKey);

    void update(Donation donation);

    Optional<Donation> find(DonationId id);

    /** The donation, its row locked until the transaction ends (concurrent changes wait). */
    Optional<Donation> lock(DonationId id);

    /**
     * The donation a donor already made with this idempotency key, if any.
     *
     * @param donor the signed-in donor, {@code null} for a guest (guests' keys are one space)
     */
    Optional<Donation> findByIdempotencyKey(DonorId donor, String idempotencyKey);

    List<Donation> byDonor(DonorId donor);
}
