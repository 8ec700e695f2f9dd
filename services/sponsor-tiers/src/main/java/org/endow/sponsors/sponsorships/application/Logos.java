package org.endow.sponsors.sponsorships.application;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.endow.sponsors.sponsorships.model.Logo;

/** The sponsors' logos as stored. */
public interface Logos {

    void save(UUID sponsorship, Logo logo);

    Optional<Logo> find(UUID sponsorship);

    /** Which of these sponsorships have a logo. */
    Set<UUID> withLogo(Set<UUID> sponsorships);
}
