package org.endow.donations.giving.model;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface Donations {

    void add(Donation donation, String idempotencyKey);

    /**
     * Adds the donation unless its donor already made one with this idempotency key: one write where the store can,
     * instead of a look-up before every new gift.
     *
     * @return false when the key was used already (nothing written: the request is a retry)
     */
    default boolean addUnlessRetried(Donation donation, String idempotencyKey) {
        if (idempotencyKey != null
                && findByIdempotencyKey(donation.donor().orElse(null), idempotencyKey)
                        .isPresent()) {
            return false;
        }
        add(donation, idempotencyKey);
        return true;
    }

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

    /** The donations with these ids that exist, by id; one read where the store can. */
    default Map<DonationId, Donation> findAll(Collection<DonationId> ids) {
        Map<DonationId, Donation> found = new HashMap<>();
        for (DonationId id : ids) {
            find(id).ifPresent(donation -> found.put(id, donation));
        }
        return found;
    }
}
