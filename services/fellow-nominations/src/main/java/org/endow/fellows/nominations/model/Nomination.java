package org.endow.fellows.nominations.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One member's nomination of a nominee: the accomplishments statement against the published
 * criteria, and references (three, when the work group asks for them). Confidential: only its
 * nominator, the work group and staff read it.
 *
 * @param supersededBy when staff merged two nominees that one nominator had both nominated: the
 *     nominator's earlier nomination, which stands; this one is kept (its text, its references) but
 *     no longer counts, is not listed and is not mailed
 */
public record Nomination(
        UUID id,
        UUID nomineeId,
        String nominatorAccount,
        String nominatorName,
        String nominatorEmail,
        String statement,
        List<Reference> references,
        Instant submittedAt,
        UUID supersededBy) {

    public static final int MIN_STATEMENT = 50;
    public static final int MAX_STATEMENT = 10_000;

    public Nomination {
        Objects.requireNonNull(id);
        Objects.requireNonNull(nomineeId);
        if (statement == null || statement.strip().length() < MIN_STATEMENT || statement.length() > MAX_STATEMENT) {
            throw new IllegalArgumentException("the statement of accomplishments must be " + MIN_STATEMENT + " to "
                    + MAX_STATEMENT + " characters");
        }
        references = List.copyOf(references);
    }

    /** A new nomination, standing. */
    public Nomination(
            UUID id,
            UUID nomineeId,
            String nominatorAccount,
            String nominatorName,
            String nominatorEmail,
            String statement,
            List<Reference> references,
            Instant submittedAt) {
        this(id, nomineeId, nominatorAccount, nominatorName, nominatorEmail, statement, references, submittedAt, null);
    }

    /** Someone who can speak to the nominee's contributions. */
    public record Reference(String name, String email, String relation) {
        public Reference {
            if (name == null || name.isBlank() || email == null || !email.contains("@")) {
                throw new IllegalArgumentException("a reference needs a name and an email address");
            }
            relation = relation == null ? "" : relation.strip();
        }
    }

    public Nomination withReferences(List<Reference> added) {
        return new Nomination(
                id,
                nomineeId,
                nominatorAccount,
                nominatorName,
                nominatorEmail,
                statement,
                added,
                submittedAt,
                supersededBy);
    }

    public Nomination movedTo(UUID otherNominee) {
        return new Nomination(
                id,
                otherNominee,
                nominatorAccount,
                nominatorName,
                nominatorEmail,
                statement,
                references,
                submittedAt,
                supersededBy);
    }

    /** Made before {@code other} (ids are time-ordered, and break a tie). */
    public boolean before(Nomination other) {
        int bySubmission = submittedAt.compareTo(other.submittedAt);
        return bySubmission != 0 ? bySubmission < 0 : id.compareTo(other.id) < 0;
    }

    /** The same nominator's {@code standing} nomination of the same nominee counts instead of this one. */
    public Nomination supersededBy(Nomination standing) {
        if (standing.id.equals(id)
                || !standing.nominatorAccount.equals(nominatorAccount)
                || !standing.nomineeId.equals(nomineeId)) {
            throw new IllegalArgumentException("only the same nominator's nomination of the same nominee supersedes");
        }
        return new Nomination(
                id,
                nomineeId,
                nominatorAccount,
                nominatorName,
                nominatorEmail,
                statement,
                references,
                submittedAt,
                standing.id);
    }
}
