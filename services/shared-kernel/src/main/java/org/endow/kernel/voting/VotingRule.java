package org.endow.kernel.voting;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * A voting rule kept as data: yes must reach {@code numerator/denominator} of the {@link Basis} ({@code strictlyMore}:
 * exceed it), with an optional minimum turnout and an optional veto. Integer arithmetic only, so that 2/3 is exactly
 * two thirds.
 *
 * @param basis what the threshold is a fraction of
 * @param numerator of the threshold fraction
 * @param denominator of the threshold fraction
 * @param strictlyMore yes must be more than the fraction (a majority), not merely reach it
 * @param quorumPercent minimum share (0–100) of the members without a conflict who must cast yes, no or abstain; 0 for
 *     none
 * @param vetoApplies a no from a ballot carrying a veto right rejects whatever the count
 */
public record VotingRule(
        Basis basis, int numerator, int denominator, boolean strictlyMore, int quorumPercent, boolean vetoApplies) {

    public VotingRule {
        if (basis == null) {
            throw new IllegalArgumentException("a voting rule needs a basis");
        }
        if (denominator <= 0 || numerator < 0 || numerator > denominator) {
            throw new IllegalArgumentException(
                    "the threshold must be a fraction between 0 and 1, not " + numerator + "/" + denominator);
        }
        if (quorumPercent < 0 || quorumPercent > 100) {
            throw new IllegalArgumentException("the quorum is a percentage from 0 to 100, not " + quorumPercent);
        }
    }

    /** More than half of the votes cast (the PSF Fellow Work Group's "50 % + 1"). */
    public static VotingRule majorityOfCast() {
        return new VotingRule(Basis.VOTES_CAST, 1, 2, true, 0, false);
    }

    /** At least two thirds of the votes cast. */
    public static VotingRule twoThirdsOfCast() {
        return new VotingRule(Basis.VOTES_CAST, 2, 3, false, 0, false);
    }

    /** At least {@code percent} % of the voting members (abstentions and conflicts excluded) vote yes. */
    public static VotingRule atLeastPercentOfMembers(int percent) {
        return new VotingRule(Basis.ELIGIBLE_MEMBERS, percent, 100, false, 0, false);
    }

    public VotingRule withQuorum(int percent) {
        return new VotingRule(basis, numerator, denominator, strictlyMore, percent, vetoApplies);
    }

    public VotingRule withVeto() {
        return new VotingRule(basis, numerator, denominator, strictlyMore, quorumPercent, true);
    }

    /**
     * Counts the ballots of a vote among {@code eligibleMembers}.
     *
     * @throws IllegalArgumentException when a voter has two ballots or there are more ballots than members
     */
    public Tally tally(int eligibleMembers, Collection<Ballot> ballots) {
        Set<String> voters = new HashSet<>();
        int yes = 0;
        int no = 0;
        int abstain = 0;
        int conflict = 0;
        boolean vetoed = false;
        for (Ballot ballot : ballots) {
            if (!voters.add(ballot.voterId())) {
                throw new IllegalArgumentException(ballot.voterId() + " has more than one ballot");
            }
            switch (ballot.choice()) {
                case YES -> yes++;
                case NO -> {
                    no++;
                    vetoed |= ballot.veto();
                }
                case ABSTAIN -> abstain++;
                case CONFLICT -> conflict++;
            }
        }
        if (voters.size() > eligibleMembers) {
            throw new IllegalArgumentException(voters.size() + " ballots for " + eligibleMembers + " eligible members");
        }
        int notVoted = eligibleMembers - voters.size();
        int base = basis == Basis.VOTES_CAST ? yes + no : eligibleMembers - abstain - conflict;
        String count = yes + " yes, " + no + " no, " + abstain + " abstaining, " + conflict + " with a conflict, "
                + notVoted + " not voting of " + eligibleMembers;

        int entitled = eligibleMembers - conflict;
        int present = yes + no + abstain;
        if (quorumPercent > 0 && (long) present * 100 < (long) quorumPercent * entitled) {
            return new Tally(
                    eligibleMembers,
                    yes,
                    no,
                    abstain,
                    conflict,
                    notVoted,
                    Outcome.NO_QUORUM,
                    count + ": fewer than " + quorumPercent + " % took part");
        }
        if (vetoApplies && vetoed) {
            return new Tally(
                    eligibleMembers,
                    yes,
                    no,
                    abstain,
                    conflict,
                    notVoted,
                    Outcome.VETOED,
                    count + ": vetoed by a member holding a veto right");
        }
        if (base <= 0) {
            return new Tally(
                    eligibleMembers,
                    yes,
                    no,
                    abstain,
                    conflict,
                    notVoted,
                    Outcome.NO_QUORUM,
                    count + ": no vote counts towards the threshold");
        }
        long lhs = (long) yes * denominator;
        long rhs = (long) numerator * base;
        boolean passed = strictlyMore ? lhs > rhs : lhs >= rhs;
        String needs = "needs " + (strictlyMore ? "more than " : "at least ") + describeThreshold() + " of "
                + (basis == Basis.VOTES_CAST ? "the votes cast" : "the voting members") + " (" + yes + " of " + base
                + ")";
        Outcome outcome;
        if (passed) {
            outcome = Outcome.PASSED;
        } else if (yes == no && yes > 0) {
            outcome = Outcome.TIED;
        } else {
            outcome = Outcome.REJECTED;
        }
        return new Tally(
                eligibleMembers,
                yes,
                no,
                abstain,
                conflict,
                notVoted,
                outcome,
                count + "; " + needs + ": "
                        + outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    }

    private String describeThreshold() {
        if (denominator == 100) {
            return numerator + " %";
        }
        return numerator + "/" + denominator;
    }
}
