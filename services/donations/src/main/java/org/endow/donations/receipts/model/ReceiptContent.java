package org.endow.donations.receipts.model;

import java.time.LocalDate;
import org.endow.kernel.Money;

/**
 * Everything a receipt document states.
 *
 * @param foundation who received the gift: name, address and tax id, from configuration
 * @param earmark the funded item's title, or "General fund"
 * @param goodsOrServices what the donor received in return, or null for nothing
 */
public record ReceiptContent(
        ReceiptNumber number,
        Foundation foundation,
        String donorName,
        String donorEmail,
        LocalDate dateReceived,
        LocalDate dateIssued,
        Money amount,
        String earmark,
        String method,
        String goodsOrServices) {

    /** The receiving organisation as a tax office needs it. */
    public record Foundation(String name, String address, String taxId, String signatory) {}
}
