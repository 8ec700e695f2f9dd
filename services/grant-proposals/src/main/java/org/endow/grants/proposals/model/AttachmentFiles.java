package org.endow.grants.proposals.model;

import java.util.Optional;

/** The bytes of proposals' attachments, kept apart from the proposals themselves. */
public interface AttachmentFiles {

    /** Stores (or replaces) the document {@code name} of the proposal. */
    void store(String proposalId, String name, byte[] content);

    Optional<byte[]> load(String proposalId, String name);
}
