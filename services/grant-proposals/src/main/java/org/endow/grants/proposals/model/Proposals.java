package org.endow.grants.proposals.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every grant proposal. */
public interface Proposals {

    /**
     * Claims the deadline run for the current transaction: with several replicas only one keeps the deadlines at a
     * time, so no proposal is moved or mailed twice.
     *
     * @return false when another replica is running it now
     */
    boolean claimDeadlineRun();

    Optional<Proposal> find(String id);

    /** Finds and locks the proposal until the transaction ends: decisions on one proposal queue up. */
    Optional<Proposal> lock(String id);

    void add(Proposal proposal);

    /** @throws ProposalConflict when someone changed it meanwhile */
    void update(Proposal proposal);

    List<Proposal> byApplicant(String applicantId);

    List<Proposal> inStates(List<State> states);

    List<Proposal> all();

    /**
     * What this organisation's proposals starting in {@code year} that still commit money ask, in minor units of
     * {@code currency}: only those in that currency (amounts in other currencies are not added to them), except
     * {@code exceptId}.
     */
    long committedForOrganisation(String organisation, int year, String currency, String exceptId);

    /**
     * What the recurring event was awarded per year (year of its start date → the largest amount), across its
     * proposals in {@code currency} (amounts in other currencies are not compared with it).
     */
    Map<Integer, Long> awardedByYear(String organisation, String eventSeries, String currency);
}
