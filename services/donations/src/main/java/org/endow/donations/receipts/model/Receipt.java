package org.endow.donations.receipts.model;

import java.time.Instant;
import org.endow.donations.giving.model.DonationId;
import org.endow.donations.giving.model.DonorId;
import org.endow.kernel.Money;

/**
 * A tax receipt for one paid gift. Issued once; its document is kept as issued.
 *
 * @param fundCode the earmark: a funded item's code or {@code general}
 */
public record Receipt(
        ReceiptNumber number,
        DonationId donation,
        DonorId donor,
        String donorName,
        Money amount,
        String fundCode,
        Instant receivedAt,
        Instant issuedAt) {}
