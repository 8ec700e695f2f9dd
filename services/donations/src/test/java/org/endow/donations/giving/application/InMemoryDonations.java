package org.endow.donations.giving.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.endow.donations.giving.model.Donation;
import org.endow.donations.giving.model.DonationId;
import org.endow.donations.giving.model.Donations;
import org.endow.donations.giving.model.DonorId;

final class InMemoryDonations implements Donations {

    private final Map<DonationId, Donation> byId = new HashMap<>();
    private final Map<String, DonationId> byKey = new HashMap<>();

    @Override
    public void add(Donation donation, String idempotencyKey) {
        byId.put(donation.id(), donation);
        if (idempotencyKey != null) {
            byKey.put(keyOf(donation.donor().orElse(null), idempotencyKey), donation.id());
        }
    }

    @Override
    public void update(Donation donation) {
        byId.put(donation.id(), donation);
    }

    @Override
    public Optional<Donation> find(DonationId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<Donation> lock(DonationId id) {
        return find(id);
    }

    @Override
    public Optional<Donation> findByIdempotencyKey(DonorId donor, String idempotencyKey) {
        return Optional.ofNullable(byKey.get(keyOf(donor, idempotencyKey))).map(byId::get);
    }

    @Override
    public List<Donation> byDonor(DonorId donor) {
        return new ArrayList<>(
                byId.values().stream().filter(d -> d.belongsTo(donor)).toList());
    }

    private static String keyOf(DonorId donor, String idempotencyKey) {
        return (donor == null ? "guest" : "donor:" + donor.value()) + "/" + idempotencyKey;
    }

    int count() {
        return byId.size();
    }
}
