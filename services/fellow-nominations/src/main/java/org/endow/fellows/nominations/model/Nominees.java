package org.endow.fellows.nominations.model;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface Nominees {

    void add(Nominee nominee);

    void update(Nominee nominee);

    Optional<Nominee> lock(UUID id);

    Optional<Nominee> find(UUID id);

    /** The nominee being considered under this email, if any (locked: a concurrent nomination of the same person waits). */
    Optional<Nominee> lockActiveByEmail(String normalisedEmail);

    /** Active nominees whose cycle is {@code label}. */
    List<Nominee> inCycle(String label);

    /** Active nominees whose cycle's review ended before {@code day}. */
    List<Nominee> reviewEndedBefore(java.time.LocalDate day);

    /**
     * The nominees already elected or Fellows under this email (locked, in id order: two acceptances
     * of the same person wait for each other). Normally at most one.
     */
    List<Nominee> lockHonouredByEmail(String normalisedEmail);

    List<Nominee> fellows();

    List<Nominee> electedIn(String cycleLabel);
}
