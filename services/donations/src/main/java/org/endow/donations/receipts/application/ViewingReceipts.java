package org.endow.donations.receipts.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import org.endow.donations.giving.model.DonorId;
import org.endow.donations.receipts.model.Receipt;
import org.endow.donations.receipts.model.ReceiptNumber;
import org.endow.donations.receipts.model.Receipts;
import org.endow.platform.problem.ProblemException;

/** A donor's receipts; a receipt's document for its donor or staff (anyone else: as if it did not exist). */
@Singleton
public class ViewingReceipts {

    private final Receipts receipts;

    ViewingReceipts(Receipts receipts) {
        this.receipts = receipts;
    }

    @Transactional(readOnly = true)
    public List<Receipt> mine(DonorId donor) {
        return receipts.of(donor);
    }

    @Transactional(readOnly = true)
    public byte[] document(String number, DonorId caller, boolean staff) {
        ReceiptNumber parsed;
        try {
            parsed = ReceiptNumber.parse(number);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No receipt " + number);
        }
        Receipt receipt = receipts.find(parsed)
                .filter(r -> staff || r.donor().equals(caller))
                .orElseThrow(() -> ProblemException.notFound("No receipt " + number));
        return receipts.document(receipt.number()).orElseThrow();
    }
}
