package org.endow.donations.receipts.infrastructure;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import org.endow.donations.giving.model.DonorId;
import org.endow.donations.receipts.application.IssuingAnnualStatement;
import org.endow.donations.receipts.application.ViewingReceipts;
import org.endow.donations.receipts.model.Receipt;
import org.endow.platform.security.Caller;
import org.endow.platform.security.Roles;

/** A donor's receipts, and each receipt's PDF exactly as issued. */
@Controller("/api/donations/receipts")
@ExecuteOn(TaskExecutors.BLOCKING)
class ReceiptsController {

    private final ViewingReceipts viewing;
    private final IssuingAnnualStatement statements;

    ReceiptsController(ViewingReceipts viewing, IssuingAnnualStatement statements) {
        this.viewing = viewing;
        this.statements = statements;
    }

    /**
     * The signed-in donor's annual statement for a fiscal year (its first month is configured); staff
     * name the donor with {@code ?donor=<account id>}.
     */
    @Get("/statements/{year}.pdf")
    @Produces("application/pdf")
    @Secured({Roles.DONOR, Roles.STAFF})
    HttpResponse<byte[]> statement(
            @PathVariable int year,
            @io.micronaut.core.annotation.Nullable
                    @io.micronaut.http.annotation.QueryValue
                    @jakarta.validation.constraints.Size(max = 100)
                    String donor,
            Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (donor != null && !caller.has(Roles.STAFF)) {
            throw org.endow.platform.problem.ProblemException.notFound("No statement for that donor");
        }
        DonorId whose = new DonorId(donor != null ? donor : caller.accountId());
        byte[] pdf = statements.document(statements.statement(whose, year));
        return HttpResponse.ok(pdf)
                .contentType(MediaType.of("application/pdf"))
                .header("Content-Disposition", "attachment; filename=\"giving-statement-" + year + ".pdf\"")
                .header("Cache-Control", "private, no-store");
    }

    @Get("/mine")
    @Secured(Roles.DONOR)
    List<ReceiptResponse> mine(Authentication authentication) {
        return viewing.mine(new DonorId(authentication.getName())).stream()
                .map(ReceiptResponse::of)
                .toList();
    }

    @Get("/{number}.pdf")
    @Produces("application/pdf")
    @Secured({Roles.DONOR, Roles.STAFF})
    HttpResponse<byte[]> pdf(@PathVariable String number, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        byte[] pdf = viewing.document(number, new DonorId(caller.accountId()), caller.has(Roles.STAFF));
        return HttpResponse.ok(pdf)
                .contentType(MediaType.of("application/pdf"))
                .header("Content-Disposition", "attachment; filename=\"receipt-" + number + ".pdf\"")
                .header("Cache-Control", "private, no-store");
    }

    @Serdeable
    record ReceiptResponse(
            String number, String donationId, long amountMinor, String currency, String fundCode, Instant issuedAt) {
        static ReceiptResponse of(Receipt receipt) {
            return new ReceiptResponse(
                    receipt.number().toString(),
                    receipt.donation().value().toString(),
                    receipt.amount().minor(),
                    receipt.amount().currencyCode(),
                    receipt.fundCode(),
                    receipt.issuedAt());
        }
    }
}
