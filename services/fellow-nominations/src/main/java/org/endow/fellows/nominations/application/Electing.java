package org.endow.fellows.nominations.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.endow.events.fellows.v1.FellowElected;
import org.endow.events.fellows.v1.FellowEvents;
import org.endow.fellows.nominations.model.Nominee;
import org.endow.fellows.nominations.model.NomineeStatus;
import org.endow.fellows.nominations.model.Nominees;
import org.endow.fellows.nominations.model.Results;
import org.endow.platform.audit.Audit;
import org.endow.platform.messaging.Outbox;
import org.endow.platform.problem.ProblemException;

/**
 * An elected nominee accepts through the emailed link and says how their name appears: they join
 * the public roster and {@code FellowElected} is published. Staff get the quarter's announcement
 * draft and its minutes (counts only, never who voted how).
 */
@Singleton
public class Electing {

    private final Nominees nominees;
    private final Results results;
    private final Tokens tokens;
    private final Outbox outbox;
    private final MinutesDocuments minutes;
    private final Audit audit;
    private final FellowsPolicy policy;
    private final Clock clock;

    Electing(
            Nominees nominees,
            Results results,
            Tokens tokens,
            Outbox outbox,
            MinutesDocuments minutes,
            Audit audit,
            FellowsPolicy policy,
            Clock clock) {
        this.nominees = nominees;
        this.results = results;
        this.tokens = tokens;
        this.outbox = outbox;
        this.minutes = minutes;
        this.audit = audit;
        this.policy = policy;
        this.clock = clock;
    }

    /** What the acceptance page shows before the nominee accepts. */
    @Transactional(readOnly = true)
    public Nominee invitation(String token) {
        UUID id = tokens.subject(Voting.ACCEPTANCE, token)
                .orElseThrow(() -> ProblemException.notFound("This link is not valid"));
        return nominees.find(id).orElseThrow();
    }

    @Transactional
    public Nominee accept(String token, String displayName) {
        UUID id = tokens.subject(Voting.ACCEPTANCE, token)
                .orElseThrow(() -> ProblemException.notFound("This link is not valid"));
        Nominee found = nominees.find(id).orElseThrow();
        // every election of this person, locked in one order: two acceptances of the same person queue
        List<Nominee> honoured = nominees.lockHonouredByEmail(found.email());
        Nominee nominee =
                honoured.stream().filter(n -> n.id().equals(id)).findFirst().orElse(found);
        Nominee fellow = honoured.stream()
                .filter(n -> !n.id().equals(id) && n.status() == NomineeStatus.FELLOW)
                .findFirst()
                .orElse(null);
        if (fellow != null && nominee.status() == NomineeStatus.ELECTED) {
            return alreadyFellow(nominee, fellow);
        }
        try {
            nominee.accept(displayName, clock.instant());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("displayName", e.getMessage());
        } catch (Nominee.IllegalTransition e) {
            throw ProblemException.conflict(e.getMessage());
        }
        nominees.update(nominee);
        outbox.append(
                FellowEvents.FELLOW_ELECTED,
                id.toString(),
                new FellowElected(
                        id.toString(),
                        nominee.displayName(),
                        nominee.electedIn(),
                        nominee.links(),
                        nominee.acceptedAt()));
        audit.record("nominee:" + id, "fellow.accepted", "nominee:" + id, nominee.displayName(), clock.instant());
        return nominee;
    }

    /**
     * A second election of someone already a Fellow (from before nominating an elected person was
     * refused): folded into the Fellow they are, with no second roster entry and no second
     * {@code FellowElected}; the answer is that Fellow, under the name they chose first.
     */
    private Nominee alreadyFellow(Nominee nominee, Nominee fellow) {
        nominee.alreadyFellowAs(fellow);
        nominees.update(nominee);
        audit.record(
                "nominee:" + nominee.id(),
                "fellow.accepted-again",
                "nominee:" + nominee.id(),
                "already a Fellow as nominee:" + fellow.id() + " (" + fellow.displayName()
                        + "); not listed or published twice",
                clock.instant());
        return fellow;
    }

    @Transactional(readOnly = true)
    public List<Nominee> roster() {
        return nominees.fellows();
    }

    /** The blog post announcing the cycle's new Fellows (those who accepted, then those still to accept). */
    @Transactional(readOnly = true)
    public String announcement(String cycle) {
        List<Nominee> elected = nominees.electedIn(cycle);
        StringBuilder text = new StringBuilder("Announcing the new Fellows of " + cycle + "\n\n");
        if (elected.isEmpty()) {
            return text.append("No Fellows were elected in this cycle.\n").toString();
        }
        text.append("The Fellow Work Group is pleased to announce ")
                .append(elected.size() == 1 ? "a new Fellow" : elected.size() + " new Fellows")
                .append(", honoured for their contributions to the community:\n\n");
        for (Nominee n : elected) {
            text.append("* ").append(n.displayName() != null ? n.displayName() : n.name());
            if (!n.links().isEmpty()) {
                text.append(" — ").append(String.join(", ", n.links()));
            }
            if (n.displayName() == null) {
                text.append(" (has not accepted yet)");
            }
            text.append('\n');
        }
        return text.append("\nCongratulations, and thank you! Know someone who should be next? Nominate them.\n")
                .toString();
    }

    @Transactional(readOnly = true)
    public byte[] minutes(String foundation, String cycle) {
        return minutes.render(foundation, cycle, policy.ruleName(), results.of(cycle));
    }
}
