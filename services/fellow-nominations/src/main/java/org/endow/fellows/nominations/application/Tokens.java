package org.endow.fellows.nominations.application;

import java.util.Optional;
import java.util.UUID;

/** Single-purpose links sent by email (add references, accept the honour): only their hash is stored. */
public interface Tokens {

    /** @return the raw token for the link */
    String issue(String purpose, UUID subject);

    /** The subject of a valid token of that purpose. */
    Optional<UUID> subject(String purpose, String raw);
}
