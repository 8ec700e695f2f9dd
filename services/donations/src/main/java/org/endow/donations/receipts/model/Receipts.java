package org.endow.donations.receipts.model;

import java.util.List;
import java.util.Optional;
import org.endow.donations.giving.model.DonationId;
import org.endow.donations.giving.model.DonorId;

/** Issued receipts and their documents. */
public interface Receipts {

    boolean existsFor(DonationId donation);

    void add(Receipt receipt, byte[] pdf);

    Optional<Receipt> find(ReceiptNumber number);

    Optional<byte[]> document(ReceiptNumber number);

    List<Receipt> of(DonorId donor);
}
