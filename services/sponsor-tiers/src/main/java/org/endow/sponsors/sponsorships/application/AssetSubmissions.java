package org.endow.sponsors.sponsorships.application;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.endow.sponsors.sponsorships.model.Fulfilment;

/** The texts and links sponsors sent for their benefits (the logo is kept by {@link Logos}). */
public interface AssetSubmissions {

    /** Keeps the latest value sent for a requirement. */
    void save(UUID sponsorship, Fulfilment.Key key, Fulfilment.Submitted submitted);

    Map<Fulfilment.Key, Fulfilment.Submitted> of(UUID sponsorship);

    /** What was sent for each of the sponsorships, in one read; a sponsorship that sent nothing is absent. */
    Map<UUID, Map<Fulfilment.Key, Fulfilment.Submitted>> ofAll(Set<UUID> sponsorships);
}
