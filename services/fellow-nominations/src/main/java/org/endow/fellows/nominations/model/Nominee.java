package org.endow.fellows.nominations.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.endow.kernel.voting.Tally;

/**
 * A person nominated for the Fellow honour, however many nominations (endorsements) name them. Each
 * transition checks the state it starts from and says plainly why it is refused.
 */
public final class Nominee {

    private final UUID id;
    private String name;
    private final String email;
    private final List<String> links;
    private NomineeStatus status;
    private Cycle cycle;
    private final LocalDate firstNominated;
    private String electedIn;
    private String displayName;
    private Instant acceptedAt;
    private UUID mergedInto;

    public Nominee(
            UUID id,
            String name,
            String email,
            List<String> links,
            NomineeStatus status,
            Cycle cycle,
            LocalDate firstNominated,
            String electedIn,
            String displayName,
            Instant acceptedAt,
            UUID mergedInto) {
        this.id = Objects.requireNonNull(id);
        this.name = Objects.requireNonNull(name);
        this.email = normalised(email);
        this.links = List.copyOf(links);
        this.status = Objects.requireNonNull(status);
        this.cycle = Objects.requireNonNull(cycle);
        this.firstNominated = Objects.requireNonNull(firstNominated);
        this.electedIn = electedIn;
        this.displayName = displayName;
        this.acceptedAt = acceptedAt;
        this.mergedInto = mergedInto;
    }

    public static Nominee nominated(
            UUID id, String name, String email, List<String> links, Cycle cycle, LocalDate day) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the nominee's name is required");
        }
        return new Nominee(id, name.strip(), email, links, NomineeStatus.NOMINATED, cycle, day, null, null, null, null);
    }

    /** Emails are matched without regard to case or surrounding blanks. */
    public static String normalised(String email) {
        if (email == null
                || email.isBlank()
                || !email.contains("@")
                || email.strip().contains(" ")) {
            throw new IllegalArgumentException("the nominee's email must be an email address");
        }
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** Still being considered: a new nomination of the same person adds to this one. */
    public boolean active() {
        return status == NomineeStatus.NOMINATED
                || status == NomineeStatus.REFERENCES_REQUESTED
                || status == NomineeStatus.VERIFIED;
    }

    public void verify() {
        require("verify", NomineeStatus.NOMINATED, NomineeStatus.REFERENCES_REQUESTED);
        status = NomineeStatus.VERIFIED;
    }

    public void requestReferences() {
        require("request references", NomineeStatus.NOMINATED);
        status = NomineeStatus.REFERENCES_REQUESTED;
    }

    /** The work group votes only on a verified nominee. */
    public void checkVotable() {
        require("vote", NomineeStatus.VERIFIED);
    }

    /**
     * The review window closed (or everyone voted): elected, carried to the next cycle, or expired a
     * year after the first nomination.
     *
     * @param tally null when the nominee was not verified in time (no vote took place)
     * @param activeUntil the last day the nominee may still be considered
     */
    public Decision decide(Tally tally, Cycle next, LocalDate activeUntil) {
        if (!active()) {
            throw new IllegalTransition("close the vote", status);
        }
        if (tally != null && tally.passed()) {
            status = NomineeStatus.ELECTED;
            electedIn = cycle.label();
            return Decision.ELECTED;
        }
        if (next.cutOff().isAfter(activeUntil)) {
            status = NomineeStatus.EXPIRED;
            return Decision.EXPIRED;
        }
        cycle = next;
        return Decision.CARRIED_OVER;
    }

    public enum Decision {
        ELECTED,
        CARRIED_OVER,
        EXPIRED
    }

    public void accept(String shownName, Instant at) {
        require("accept", NomineeStatus.ELECTED);
        if (shownName == null || shownName.isBlank() || shownName.length() > 200) {
            throw new IllegalArgumentException("say how your name should appear (up to 200 characters)");
        }
        displayName = shownName.strip();
        acceptedAt = at;
        status = NomineeStatus.FELLOW;
    }

    /**
     * Elected a second time (nominated again before the first election was answered) while already a
     * Fellow as {@code fellow}: this election folds into that one, which stays the only roster entry.
     */
    public void alreadyFellowAs(Nominee fellow) {
        require("accept", NomineeStatus.ELECTED);
        if (fellow.id.equals(id) || fellow.status != NomineeStatus.FELLOW || !fellow.email.equals(email)) {
            throw new IllegalArgumentException("not the same person's roster entry");
        }
        status = NomineeStatus.MERGED;
        mergedInto = fellow.id;
    }

    /** Staff: this nominee is the same person as {@code other}; its nominations now endorse that one. */
    public void mergeInto(Nominee other) {
        if (other.id.equals(id)) {
            throw new IllegalArgumentException("a nominee cannot be merged into itself");
        }
        if (!active() || !other.active()) {
            throw new IllegalTransition("merge", active() ? other.status : status);
        }
        status = NomineeStatus.MERGED;
        mergedInto = other.id;
    }

    private void require(String action, NomineeStatus... allowed) {
        for (NomineeStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new IllegalTransition(action, status);
    }

    public static final class IllegalTransition extends RuntimeException {
        private static final long serialVersionUID = 1L;

        IllegalTransition(String action, NomineeStatus from) {
            super("Cannot " + action + ": the nominee is "
                    + from.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public List<String> links() {
        return links;
    }

    public NomineeStatus status() {
        return status;
    }

    public Cycle cycle() {
        return cycle;
    }

    public LocalDate firstNominated() {
        return firstNominated;
    }

    public String electedIn() {
        return electedIn;
    }

    public String displayName() {
        return displayName;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }

    public UUID mergedInto() {
        return mergedInto;
    }
}
