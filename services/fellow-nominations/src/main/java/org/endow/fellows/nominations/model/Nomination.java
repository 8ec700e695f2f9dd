package org.endow.fellows.nominations.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One member's nomination of a nominee: the accomplishments statement against the published
 * criteria, and references (three, when the work group asks for them). Confidential: only its
 * nominator, the work group and staff read it.
 */
public record Nomination(
        UUID id,
        UUID nomineeId,
        String nominatorAccount,
        String nominatorName,
        String nominatorEmail,
        String statement,
        List<Reference> references,
        Instant submittedAt) {

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
                id, nomineeId, nominatorAccount, nominatorName, nominatorEmail, statement, added, submittedAt);
    }

    public Nomination movedTo(UUID otherNominee) {
        return new Nomination(
                id, otherNominee, nominatorAccount, nominatorName, nominatorEmail, statement, references, submittedAt);
    }
}
