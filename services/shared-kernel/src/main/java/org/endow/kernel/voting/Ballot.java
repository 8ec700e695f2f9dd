package org.endow.kernel.voting;

import java.util.Objects;

/**
 * One member's ballot.
 *
 * @param voterId who voted; a tally refuses two ballots of the same voter
 * @param choice what they answered
 * @param veto the voter holds a veto right (e.g. the Steering Council); it counts only with {@link Choice#NO} and
 *     only under a rule where vetoes apply
 */
public record Ballot(String voterId, Choice choice, boolean veto) {

    public Ballot {
        Objects.requireNonNull(voterId, "voterId");
        Objects.requireNonNull(choice, "choice");
    }

    public static Ballot of(String voterId, Choice choice) {
        return new Ballot(voterId, choice, false);
    }
}
