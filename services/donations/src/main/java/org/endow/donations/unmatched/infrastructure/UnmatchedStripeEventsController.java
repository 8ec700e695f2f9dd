package org.endow.donations.unmatched.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.endow.donations.unmatched.application.ExplainingUnmatchedStripeEvent;
import org.endow.donations.unmatched.model.TicketHolder;
import org.endow.donations.unmatched.model.UnmatchedStripeEvent;
import org.endow.kernel.CsvCell;
import org.endow.platform.security.Caller;
import org.endow.platform.security.Roles;

/**
 * Staff: money Stripe took back (refunds, disputes) on payments that paid no gift, newest first, as JSON or CSV
 * ({@code limit}, {@code offset}); mark one explained with a note (once; audited).
 */
@Controller("/api/donations/stripe")
@ExecuteOn(TaskExecutors.BLOCKING)
class UnmatchedStripeEventsController {

    private final ExplainingUnmatchedStripeEvent explaining;

    UnmatchedStripeEventsController(ExplainingUnmatchedStripeEvent explaining) {
        this.explaining = explaining;
    }

    @Get("/unmatched")
    @Secured(Roles.STAFF)
    List<UnmatchedResponse> list(@Nullable @QueryValue Integer limit, @Nullable @QueryValue Integer offset) {
        return explaining.list(limit, offset).stream()
                .map(UnmatchedResponse::of)
                .toList();
    }

    /** The same list as a spreadsheet; cells a spreadsheet would run as a formula are kept text. */
    @Get("/unmatched.csv")
    @Produces("text/csv")
    @Secured(Roles.STAFF)
    HttpResponse<String> csv(@Nullable @QueryValue Integer limit, @Nullable @QueryValue Integer offset) {
        StringBuilder out = new StringBuilder("stripe_at,stripe_event_id,event_type,kind,payment_intent_id,charge_id,"
                + "dispute_id,amount_minor,refunded_by_endow_minor,refunded_outside_minor,newly_taken_minor,currency,dispute_status,dispute_reason,ticketed_event_code,registrants,"
                + "recorded_at,explained_at,explained_by,explanation\r\n");
        for (UnmatchedStripeEvent e :
                explaining.list(limit == null ? ExplainingUnmatchedStripeEvent.MAX_ROWS : limit, offset)) {
            UnmatchedResponse r = UnmatchedResponse.of(e);
            out.append(String.join(
                            ",",
                            r.stripeAt().toString(),
                            CsvCell.of(r.stripeEventId()),
                            CsvCell.of(r.type()),
                            r.kind(),
                            CsvCell.of(r.paymentIntentId()),
                            CsvCell.of(nullToEmpty(r.chargeId())),
                            CsvCell.of(nullToEmpty(r.disputeId())),
                            Long.toString(r.amountMinor()),
                            r.refundedByEndowMinor() == null
                                    ? ""
                                    : r.refundedByEndowMinor().toString(),
                            r.refundedOutsideMinor() == null
                                    ? ""
                                    : r.refundedOutsideMinor().toString(),
                            Long.toString(r.newlyTakenMinor()),
                            r.currency(),
                            nullToEmpty(r.disputeStatus()),
                            CsvCell.of(nullToEmpty(r.disputeReason())),
                            CsvCell.of(nullToEmpty(r.ticketedEventCode())),
                            CsvCell.of(String.join(" ", r.registrants())),
                            r.recordedAt().toString(),
                            r.explainedAt() == null ? "" : r.explainedAt().toString(),
                            CsvCell.of(nullToEmpty(r.explainedBy())),
                            CsvCell.of(nullToEmpty(r.explanation()))))
                    .append("\r\n");
        }
        return HttpResponse.ok(out.toString())
                .contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"stripe-unmatched.csv\"");
    }

    /** Staff explained it (what it was, how it is settled): 409 when explained already. */
    @Post("/unmatched/{stripeEventId}/explained")
    @Secured(Roles.STAFF)
    UnmatchedResponse explained(
            @PathVariable String stripeEventId, @Body @Valid ExplainRequest request, Authentication authentication) {
        return UnmatchedResponse.of(
                explaining.explain(Caller.of(authentication).accountId(), stripeEventId, request.note()));
    }

    private static String nullToEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    @Serdeable
    record ExplainRequest(
            @NotBlank @Size(max = UnmatchedStripeEvent.MAX_NOTE)
            String note) {}

    /**
     * @param amountMinor a refund: all Stripe refunded of the charge so far (a running total); a dispute: the amount
     *     disputed
     * @param refundedByEndowMinor a refund of a registration's payment: what of it Endow refunded on the card
     *     carrying out registrants' answers
     * @param refundedOutsideMinor a refund: what of it was refunded outside Endow so far (a running total)
     * @param newlyTakenMinor what this row reports taken back that no earlier row did (sum these, not the amounts): a
     *     refund, the growth of the part refunded outside Endow; a dispute opened, its amount; a dispute closed, 0
     * @param registrants the registrants (emails) whose ticket the payment paid
     */
    @Serdeable
    record UnmatchedResponse(
            String stripeEventId,
            String type,
            String kind,
            String paymentIntentId,
            @Nullable String chargeId,
            @Nullable String disputeId,
            long amountMinor,
            @Nullable Long refundedByEndowMinor,
            @Nullable Long refundedOutsideMinor,
            long newlyTakenMinor,
            String currency,
            @Nullable String disputeStatus,
            @Nullable String disputeReason,
            Instant stripeAt,
            Instant recordedAt,
            @Nullable String ticketedEventCode,
            List<String> registrants,
            @Nullable Instant explainedAt,
            @Nullable String explainedBy,
            @Nullable String explanation) {
        static UnmatchedResponse of(UnmatchedStripeEvent e) {
            return new UnmatchedResponse(
                    e.stripeEventId(),
                    e.type(),
                    e.kind().name(),
                    e.paymentIntentId(),
                    e.chargeId(),
                    e.disputeId(),
                    e.amount().minor(),
                    e.refundedByEndow() == null ? null : e.refundedByEndow().minor(),
                    e.refundedOutside() == null ? null : e.refundedOutside().minor(),
                    e.newlyTaken().minor(),
                    e.amount().currencyCode(),
                    e.disputeStatus() == null ? null : e.disputeStatus().name(),
                    e.disputeReason(),
                    e.stripeAt(),
                    e.recordedAt(),
                    e.ticketedEventCode().orElse(null),
                    e.tickets().stream().map(TicketHolder::email).toList(),
                    e.explanation().map(UnmatchedStripeEvent.Explanation::at).orElse(null),
                    e.explanation().map(UnmatchedStripeEvent.Explanation::by).orElse(null),
                    e.explanation().map(UnmatchedStripeEvent.Explanation::note).orElse(null));
        }
    }
}
