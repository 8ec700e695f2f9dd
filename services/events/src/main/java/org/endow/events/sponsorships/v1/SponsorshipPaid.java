package org.endow.events.sponsorships.v1;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * A sponsorship's invoice was paid in full. The fee is split by program in proportion to the
 * internal value of the benefits bought (the parts add up to {@code amountMinor} exactly), so the
 * funds ledger credits restricted money to the right funded items.
 *
 * @param sponsorshipId the sponsorship (also the aggregate id)
 * @param organisation the sponsor's name, as on the contract
 * @param year the catalogue year of the package
 * @param packageCode the package bought, e.g. {@code visionary}
 * @param amountMinor the fee paid (tax excluded), in minor units
 * @param currency ISO 4217 code
 * @param invoiceNumber the invoice that was paid
 * @param paidAt when the money arrived
 * @param split the fee per program, in minor units
 */
@Serdeable
public record SponsorshipPaid(
        String sponsorshipId,
        String organisation,
        int year,
        String packageCode,
        long amountMinor,
        String currency,
        String invoiceNumber,
        Instant paidAt,
        List<ProgramShare> split) {

    /** The part of the fee that belongs to one program (e.g. {@code packaging}, {@code foundation}). */
    @Serdeable
    public record ProgramShare(String programCode, long amountMinor) {}
}
