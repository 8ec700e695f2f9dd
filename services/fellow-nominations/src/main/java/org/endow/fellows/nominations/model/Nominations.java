package org.endow.fellows.nominations.model;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface Nominations {

    void add(Nomination nomination);

    void update(Nomination nomination);

    /** Any nomination, superseded or not. */
    Optional<Nomination> find(UUID id);

    /** The nominee's standing nominations (one per nominator; superseded ones left out). */
    List<Nomination> of(UUID nominee);

    /** The nominator's standing nominations. */
    List<Nomination> by(String nominatorAccount);
}
