package org.endow.kernel.voting;

/**
 * The count of a vote and what it decided.
 *
 * @param eligible members entitled to vote
 * @param yes ballots for
 * @param no ballots against
 * @param abstain abstentions
 * @param conflict declared conflicts of interest (they neither vote nor count)
 * @param notVoted eligible members without a ballot
 * @param outcome what the rule decided
 * @param explanation one sentence a person can read in an audit log or an email
 */
public record Tally(
        int eligible, int yes, int no, int abstain, int conflict, int notVoted, Outcome outcome, String explanation) {

    /** Everyone entitled has answered: a vote may close early. */
    public boolean everyoneVoted() {
        return notVoted == 0;
    }

    public boolean passed() {
        return outcome == Outcome.PASSED;
    }
}
