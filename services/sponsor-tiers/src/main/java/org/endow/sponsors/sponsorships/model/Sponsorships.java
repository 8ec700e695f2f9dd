package org.endow.sponsors.sponsorships.model;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface Sponsorships {

    /**
     * Adds a new application.
     *
     * @return false when the organisation already has an open application (decided by the store, so two at
     *     once cannot both win)
     */
    boolean add(Sponsorship sponsorship);

    void update(Sponsorship sponsorship);

    /** The sponsorship, its row locked until the transaction ends. */
    Optional<Sponsorship> lock(UUID id);

    Optional<Sponsorship> find(UUID id);

    List<Sponsorship> ownedBy(String account);

    List<Sponsorship> all(SponsorshipStatus status);

    /** Holds units of benefits for a sponsorship (replacing what it held). */
    void hold(UUID sponsorship, int year, List<Selection.Line> lines);

    /** Frees what a sponsorship held (rejected, or changed before applying again). */
    void release(UUID sponsorship);
}
