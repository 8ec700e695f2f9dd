package org.endow.fellows.nominations.application;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.endow.fellows.nominations.model.Nomination;
import org.endow.fellows.nominations.model.Nominations;
import org.endow.fellows.nominations.model.Nominee;
import org.endow.fellows.nominations.model.NomineeStatus;
import org.endow.fellows.nominations.model.Nominees;
import org.endow.kernel.TimeOrderedIds;
import org.endow.platform.problem.ProblemException;

/**
 * A member nominates someone: matched by email to the nominee already being considered (several
 * nominations are one nominee with several endorsements), or a new nominee in the next cycle. The
 * nominator sees their own nominations and where each stands, never anyone else's; the nominee is
 * never shown a nomination about them, nor who made it.
 */
@Singleton
public class Nominating {

    private final Nominees nominees;
    private final Nominations nominations;
    private final FellowMails mails;
    private final FellowsPolicy policy;
    private final Clock clock;

    Nominating(Nominees nominees, Nominations nominations, FellowMails mails, FellowsPolicy policy, Clock clock) {
        this.nominees = nominees;
        this.nominations = nominations;
        this.mails = mails;
        this.policy = policy;
        this.clock = clock;
    }

    public record NominateCommand(
            String account,
            String nominatorName,
            String nominatorEmail,
            String nomineeName,
            String nomineeEmail,
            List<String> links,
            String statement,
            List<Nomination.Reference> references) {}

    /** A nomination as its nominator sees it: the nominee and where the process stands, nothing of others. */
    public record MyNomination(Nomination nomination, Nominee nominee) {}

    @Transactional
    public MyNomination nominate(NominateCommand command) {
        String email;
        try {
            email = Nominee.normalised(command.nomineeEmail());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("nomineeEmail", e.getMessage());
        }
        if (email.equals(
                command.nominatorEmail() == null
                        ? ""
                        : command.nominatorEmail().strip().toLowerCase(Locale.ROOT))) {
            throw ProblemException.invalidField("nomineeEmail", "you cannot nominate yourself");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Nominee nominee = nominees.lockActiveByEmail(email).orElse(null);
        boolean isNew = nominee == null;
        if (isNew) {
            // a Fellow, or elected and invited to accept: a new nominee would be elected a second time
            List<Nominee> honoured = nominees.lockHonouredByEmail(email);
            if (honoured.stream().anyMatch(n -> n.status() == NomineeStatus.FELLOW)) {
                throw ProblemException.conflict(command.nomineeName() + " is already a Fellow");
            }
            if (!honoured.isEmpty()) {
                throw ProblemException.conflict(command.nomineeName() + " has already been elected a Fellow (in "
                        + honoured.getFirst().electedIn()
                        + ") and is invited to accept; a new nomination is not needed");
            }
            try {
                nominee = Nominee.nominated(
                        TimeOrderedIds.next(),
                        command.nomineeName(),
                        email,
                        command.links() == null ? List.of() : command.links(),
                        policy.calendar().cycleFor(today),
                        today);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("nomineeName", e.getMessage());
            }
        } else if (nominations.of(nominee.id()).stream()
                .anyMatch(n -> n.nominatorAccount().equals(command.account()))) {
            throw ProblemException.conflict("You have already nominated " + nominee.name()
                    + "; your nomination stands (a second one would not count twice)");
        }
        Nomination nomination;
        try {
            nomination = new Nomination(
                    TimeOrderedIds.next(),
                    nominee.id(),
                    command.account(),
                    command.nominatorName(),
                    command.nominatorEmail(),
                    command.statement() == null ? "" : command.statement().strip(),
                    command.references() == null ? List.of() : command.references(),
                    clock.instant());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(
                    e.getMessage().contains("reference") ? "references" : "statement", e.getMessage());
        }
        if (isNew) {
            nominees.add(nominee);
            if (!policy.tellNomineeOnlyWhenApproved()) {
                mails.nomineeTold(nominee);
            }
        }
        nominations.add(nomination);
        mails.received(nomination, nominee);
        return new MyNomination(nomination, nominee);
    }

    @Transactional(readOnly = true)
    public List<MyNomination> mine(String account) {
        return nominations.by(account).stream()
                .map(n -> new MyNomination(n, current(n.nomineeId())))
                .toList();
    }

    /**
     * One nomination: its nominator, the work group and staff read it; anyone else — the nominee above
     * all — is refused.
     */
    @Transactional(readOnly = true)
    public MyNomination read(UUID id, String account, String callerEmail, boolean workGroup) {
        Nomination nomination =
                nominations.find(id).orElseThrow(() -> ProblemException.notFound("No nomination " + id));
        Nominee nominee = current(nomination.nomineeId());
        if (!workGroup && !nomination.nominatorAccount().equals(account)) {
            if (callerEmail != null && callerEmail.strip().equalsIgnoreCase(nominee.email())) {
                throw new ProblemException(
                        HttpStatus.FORBIDDEN,
                        "Confidential",
                        "Nominations are confidential: the person nominated may not read them",
                        List.of());
            }
            throw ProblemException.notFound("No nomination " + id);
        }
        return new MyNomination(nomination, nominee);
    }

    /** The nominee, following a staff merge to the one it became. */
    private Nominee current(UUID id) {
        Nominee nominee = nominees.find(id).orElseThrow();
        while (nominee.status() == NomineeStatus.MERGED) {
            nominee = nominees.find(nominee.mergedInto()).orElseThrow();
        }
        return nominee;
    }
}
