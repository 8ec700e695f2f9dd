package org.endow.donations.giving.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.endow.donations.giving.application.SearchingDonations;
import org.endow.donations.giving.application.ViewingDonations;
import org.endow.donations.giving.model.Donation;
import org.endow.donations.giving.model.DonorId;
import org.endow.kernel.CsvCell;
import org.endow.platform.security.Caller;
import org.endow.platform.security.Roles;

/**
 * Staff: find gifts and export them as CSV; read the audit log of staff decisions. Donors: export all
 * they gave, as JSON.
 */
@Controller("/api/donations")
@ExecuteOn(TaskExecutors.BLOCKING)
class StaffDonationsController {

    private final SearchingDonations searching;
    private final ViewingDonations viewing;

    StaffDonationsController(SearchingDonations searching, ViewingDonations viewing) {
        this.searching = searching;
        this.viewing = viewing;
    }

    @Get("/staff/donations")
    @Secured(Roles.STAFF)
    List<DonationRow> search(
            @Nullable @QueryValue @Size(max = 200) String q,
            @Nullable @QueryValue @Size(max = 20) String status,
            @Nullable @QueryValue @Size(max = 64) String fund,
            @Nullable @QueryValue Integer limit) {
        return searching.find(q, status, fund, limit).stream()
                .map(DonationRow::of)
                .toList();
    }

    /** The same search as a spreadsheet; cells that a spreadsheet would run as a formula are quoted harmless. */
    @Get("/staff/donations.csv")
    @Produces("text/csv")
    @Secured(Roles.STAFF)
    HttpResponse<String> csv(
            @Nullable @QueryValue @Size(max = 200) String q,
            @Nullable @QueryValue @Size(max = 20) String status,
            @Nullable @QueryValue @Size(max = 64) String fund) {
        StringBuilder out = new StringBuilder(
                "id,pledged_at,received_at,donor_name,donor_email,guest,amount_minor,refunded_minor,charged_back_minor,currency,fund_code,method,frequency,status,reference\r\n");
        for (Donation d : searching.find(q, status, fund, SearchingDonations.MAX_ROWS)) {
            DonationRow r = DonationRow.of(d);
            out.append(String.join(
                            ",",
                            CsvCell.of(r.id()),
                            CsvCell.of(String.valueOf(r.pledgedAt())),
                            CsvCell.of(
                                    r.receivedAt() == null ? "" : r.receivedAt().toString()),
                            CsvCell.of(r.donorName()),
                            CsvCell.of(r.donorEmail()),
                            CsvCell.of(String.valueOf(r.guest())),
                            CsvCell.of(Long.toString(r.amountMinor())),
                            CsvCell.of(Long.toString(r.refundedMinor())),
                            CsvCell.of(Long.toString(r.chargedBackMinor())),
                            CsvCell.of(r.currency()),
                            CsvCell.of(r.fundCode()),
                            CsvCell.of(r.method()),
                            CsvCell.of(r.frequency()),
                            CsvCell.of(r.status()),
                            CsvCell.of(r.reference())))
                    .append("\r\n");
        }
        return HttpResponse.ok(out.toString())
                .contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"donations.csv\"");
    }

    @Get("/audit")
    @Secured(Roles.STAFF)
    List<AuditEntry> audit(@Nullable @QueryValue Integer limit) {
        return searching.auditLog(limit == null || limit < 1 || limit > 1_000 ? 200 : limit).stream()
                .map(e -> new AuditEntry(e.actor(), e.action(), e.target(), e.details(), e.at()))
                .toList();
    }

    @Serdeable
    record AuditEntry(String actor, String action, String target, String details, Instant at) {}

    /** Everything the signed-in donor gave, as JSON (their own data, to keep or move). */
    @Get("/mine/export")
    @Secured(Roles.DONOR)
    HttpResponse<MyData> export(Authentication authentication) {
        DonorId donor = new DonorId(Caller.of(authentication).accountId());
        MyData data = new MyData(
                Instant.now(),
                viewing.mine(donor).stream().map(DonationRow::of).toList(),
                viewing.mineMonthly(donor).stream()
                        .map(CardGiftsController.MonthlyGiftResponse::of)
                        .toList());
        return HttpResponse.ok(data)
                .header("Content-Disposition", "attachment; filename=\"my-giving.json\"")
                .header("Cache-Control", "private, no-store");
    }

    @Serdeable
    record MyData(
            Instant exportedAt, List<DonationRow> gifts, List<CardGiftsController.MonthlyGiftResponse> monthlyGifts) {}

    @Serdeable
    record DonationRow(
            String id,
            Instant pledgedAt,
            @Nullable Instant receivedAt,
            @Nullable String donorName,
            @Nullable String donorEmail,
            boolean guest,
            long amountMinor,
            long refundedMinor,
            long chargedBackMinor,
            String currency,
            String fundCode,
            String method,
            String frequency,
            String status,
            @Nullable String reference,
            @Nullable String dedication) {
        static DonationRow of(Donation d) {
            return new DonationRow(
                    d.id().toString(),
                    d.pledgedAt(),
                    d.receivedAt(),
                    d.options().contactIfKnown().map(c -> c.name()).orElse(null),
                    d.options().contactIfKnown().map(c -> c.email()).orElse(null),
                    d.byGuest(),
                    d.amount().minor(),
                    d.refunded().minor(),
                    d.chargedBack().minor(),
                    d.amount().currencyCode(),
                    d.fundCode(),
                    d.method().name(),
                    d.options().frequency().name(),
                    d.status().name(),
                    d.receivedReference(),
                    d.options().dedication());
        }
    }
}
