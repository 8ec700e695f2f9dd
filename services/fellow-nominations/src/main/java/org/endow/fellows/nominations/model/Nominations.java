package org.endow.fellows.nominations.model;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface Nominations {

    void add(Nomination nomination);

    void update(Nomination nomination);

    Optional<Nomination> find(UUID id);

    List<Nomination> of(UUID nominee);

    List<Nomination> by(String nominatorAccount);
}
