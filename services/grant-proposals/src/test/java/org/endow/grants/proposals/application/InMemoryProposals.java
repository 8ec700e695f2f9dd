package org.endow.grants.proposals.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.endow.grants.proposals.model.Proposal;
import org.endow.grants.proposals.model.Proposals;
import org.endow.grants.proposals.model.State;

/** Proposals in a map, stored as their data (so a test never shares a live aggregate by accident). */
final class InMemoryProposals implements Proposals {

    @Override
    public boolean claimDeadlineRun() {
        return true;
    }

    private final Map<String, Proposal.Data> byId = new LinkedHashMap<>();

    @Override
    public Optional<Proposal> find(String id) {
        return Optional.ofNullable(byId.get(id)).map(Proposal::restore);
    }

    @Override
    public Optional<Proposal> lock(String id) {
        return find(id);
    }

    @Override
    public void add(Proposal proposal) {
        byId.put(proposal.id(), proposal.data());
    }

    @Override
    public void update(Proposal proposal) {
        byId.put(proposal.id(), proposal.data());
    }

    @Override
    public List<Proposal> byApplicant(String applicantId) {
        return all().stream()
                .filter(p -> p.applicant().accountId().equals(applicantId))
                .toList();
    }

    @Override
    public List<Proposal> inStates(List<State> states) {
        return all().stream().filter(p -> states.contains(p.state())).toList();
    }

    @Override
    public List<Proposal> all() {
        return new ArrayList<>(byId.values().stream().map(Proposal::restore).toList());
    }

    @Override
    public long committedForOrganisation(String organisation, int year, String currency, String exceptId) {
        return all().stream()
                .filter(p -> !p.id().equals(exceptId))
                .filter(p -> currency.equals(p.application().currency()))
                .filter(p -> organisation.equalsIgnoreCase(p.application().organisation()))
                .filter(p -> p.application().startDate() != null
                        && p.application().startDate().getYear() == year)
                .filter(p -> p.state().commitsMoney())
                .mapToLong(p -> p.application().amountMinor())
                .sum();
    }

    @Override
    public Map<Integer, Long> awardedByYear(String organisation, String eventSeries, String currency) {
        Map<Integer, Long> byYear = new HashMap<>();
        for (Proposal p : all()) {
            if (p.awardedAt() != null
                    && organisation.equalsIgnoreCase(p.application().organisation())
                    && eventSeries.equalsIgnoreCase(p.application().eventSeries())
                    && currency.equals(p.application().currency())) {
                byYear.merge(
                        p.application().startDate().getYear(), p.application().amountMinor(), Math::max);
            }
        }
        return byYear;
    }
}
