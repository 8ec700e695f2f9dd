package org.endow.sponsors.sponsorships.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.endow.sponsors.sponsorships.model.ContractDocument;

/** Every version of every contract and invoice, as issued; nothing is regenerated differently later. */
public interface ContractArchive {

    /** Stores a document; @return its SHA-256 (hex). */
    String store(UUID sponsorship, int revision, ContractDocument.Kind kind, byte[] pdf);

    Optional<byte[]> document(UUID sponsorship, int revision, ContractDocument.Kind kind);

    Optional<ContractDocument> describe(UUID sponsorship, int revision, ContractDocument.Kind kind);

    List<ContractDocument> versions(UUID sponsorship);
}
