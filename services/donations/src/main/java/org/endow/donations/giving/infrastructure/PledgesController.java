package org.endow.donations.giving.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.endow.donations.giving.application.ChangingRecognition;
import org.endow.donations.giving.application.PledgeCommand;
import org.endow.donations.giving.application.PledgingDonation;
import org.endow.donations.giving.application.RecordingReceipt;
import org.endow.donations.giving.application.RefundingGift;
import org.endow.donations.giving.application.SendingPaymentInstructions;
import org.endow.donations.giving.application.ViewingDonations;
import org.endow.donations.giving.model.Donation;
import org.endow.donations.giving.model.DonationId;
import org.endow.donations.giving.model.DonorId;
import org.endow.platform.security.Caller;
import org.endow.platform.security.Roles;

@Controller("/api/donations/pledges")
@ExecuteOn(TaskExecutors.BLOCKING)
class PledgesController {

    private final PledgingDonation pledging;
    private final ViewingDonations viewing;
    private final RecordingReceipt receipts;
    private final RefundingGift refunding;
    private final SendingPaymentInstructions instructions;
    private final ChangingRecognition recognition;

    PledgesController(
            PledgingDonation pledging,
            ViewingDonations viewing,
            RecordingReceipt receipts,
            RefundingGift refunding,
            SendingPaymentInstructions instructions,
            ChangingRecognition recognition) {
        this.recognition = recognition;
        this.refunding = refunding;
        this.instructions = instructions;
        this.pledging = pledging;
        this.viewing = viewing;
        this.receipts = receipts;
    }

    @Post
    @Secured(Roles.DONOR)
    HttpResponse<PledgeResponse> pledge(
            @Body @Valid PledgeRequest request,
            @Nullable @Header("Idempotency-Key") @Size(max = 200) String idempotencyKey,
            Authentication authentication) {
        Caller caller = Caller.of(authentication);
        PledgingDonation.Result result = pledging.pledge(new PledgeCommand(
                new DonorId(caller.accountId()),
                caller.name(),
                caller.email(),
                request.amountMinor(),
                request.currency(),
                request.fundCode(),
                request.method() == null ? "BANK_TRANSFER" : request.method(),
                request.frequency(),
                request.dedication(),
                request.recognition() == null
                        ? null
                        : new PledgeCommand.RecognitionChoice(
                                request.recognition().consent(),
                                request.recognition().anonymous(),
                                request.recognition().displayName()),
                idempotencyKey));
        PledgeResponse body = PledgeResponse.of(result.donation());
        URI location = URI.create("/api/donations/pledges/" + body.id());
        return result.created()
                ? HttpResponse.<PledgeResponse>status(HttpStatus.CREATED)
                        .headers(h -> h.location(location))
                        .body(body)
                : HttpResponse.ok(body).headers(h -> h.location(location));
    }

    @Get("/mine")
    @Secured(Roles.DONOR)
    List<PledgeResponse> mine(Authentication authentication) {
        return viewing.mine(new DonorId(Caller.of(authentication).accountId())).stream()
                .map(PledgeResponse::of)
                .toList();
    }

    @Get("/{id}")
    @Secured({Roles.DONOR, Roles.STAFF})
    PledgeResponse one(@PathVariable UUID id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return PledgeResponse.of(
                viewing.one(new DonationId(id), new DonorId(caller.accountId()), caller.has(Roles.STAFF)));
    }

    /** How to pay this pledge (bank transfer or cheque), as a PDF: for the donor who pledged, or staff. */
    @Get("/{id}/instructions.pdf")
    @io.micronaut.http.annotation.Produces("application/pdf")
    @Secured({Roles.DONOR, Roles.STAFF})
    HttpResponse<byte[]> instructions(@PathVariable UUID id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        byte[] pdf =
                instructions.document(new DonationId(id), new DonorId(caller.accountId()), caller.has(Roles.STAFF));
        return HttpResponse.ok(pdf)
                .contentType(io.micronaut.http.MediaType.of("application/pdf"))
                .header("Content-Disposition", "attachment; filename=\"payment-instructions.pdf\"")
                .header("Cache-Control", "private, no-store");
    }

    /** Staff: the money of this pledge arrived (bank transfer or cheque reconciled). Audited. */
    @Post("/{id}/received")
    @Secured(Roles.STAFF)
    PledgeResponse received(@PathVariable UUID id, @Body @Valid ReceiptRequest request, Authentication authentication) {
        return PledgeResponse.of(
                receipts.receive(Caller.of(authentication).accountId(), new DonationId(id), request.reference()));
    }

    /**
     * Staff: refund all or part of a received gift, audited. A bank or cheque gift is refunded at
     * once (200); a card gift is refunded through Stripe (202), and the ledger follows Stripe's
     * confirmation. More than what is left of the gift is refused field by field.
     */
    @Post("/{id}/refunds")
    @Secured(Roles.STAFF)
    HttpResponse<RefundResponse> refund(
            @PathVariable UUID id,
            @Body @Valid RefundRequest request,
            @Nullable @Header("Idempotency-Key") @Size(max = 200) String idempotencyKey,
            Authentication authentication) {
        RefundingGift.Outcome outcome = refunding.refund(
                Caller.of(authentication).accountId(),
                new DonationId(id),
                request.amountMinor(),
                request.reason(),
                idempotencyKey);
        return HttpResponse.<RefundResponse>status(
                        outcome.state().equals("REQUESTED") ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(new RefundResponse(outcome.state(), PledgeResponse.of(outcome.donation())));
    }

    /** @param reason why, kept in the audit log and told to the donor's bank or card issuer */
    @Serdeable
    record RefundRequest(
            @NotNull @Positive Long amountMinor,
            @NotBlank @Size(max = 500) String reason) {}

    /** @param state {@code REFUNDED} (recorded) or {@code REQUESTED} (Stripe confirms it) */
    @Serdeable
    record RefundResponse(String state, PledgeResponse donation) {}

    /** The donor changes whether and how this gift may be thanked publicly (the transparency page follows). */
    @io.micronaut.http.annotation.Put("/{id}/recognition")
    @Secured(Roles.DONOR)
    PledgeResponse recognition(
            @PathVariable UUID id, @Body @Valid RecognitionRequest request, Authentication authentication) {
        return PledgeResponse.of(recognition.change(
                new DonorId(Caller.of(authentication).accountId()),
                new DonationId(id),
                request.consent(),
                request.anonymous(),
                request.displayName()));
    }

    /** @param reference the bank or cheque reference, as staff see it on the statement */
    @Serdeable
    record ReceiptRequest(@Nullable @Size(max = 200) String reference) {}

    /**
     * @param amountMinor the amount in minor units (cents)
     * @param currency ISO 4217 code, e.g. USD
     * @param fundCode the funded item, or {@code general}
     * @param method BANK_TRANSFER (default) or CHEQUE
     * @param frequency ONE_TIME (default) or MONTHLY
     * @param dedication "in honour of ..." text, optional
     * @param recognition consent to public recognition, anonymity, display name; none when absent
     */
    @Serdeable
    record PledgeRequest(
            @NotNull @Positive Long amountMinor,

            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO 4217 code")
            String currency,

            @NotBlank @Size(max = 64) String fundCode,
            @Nullable String method,

            @Nullable @Pattern(regexp = "ONE_TIME|MONTHLY", message = "must be ONE_TIME or MONTHLY")
            String frequency,

            @Nullable @Size(max = 200) String dedication,
            @Nullable @Valid RecognitionRequest recognition) {}

    /**
     * @param consent the gift may be recognised publicly
     * @param anonymous recognised as "Anonymous"
     * @param displayName the name to show, optional
     */
    @Serdeable
    record RecognitionRequest(
            boolean consent,
            boolean anonymous,
            @Nullable @Size(max = 120) String displayName) {}

    @Serdeable
    record PledgeResponse(
            String id,
            long amountMinor,
            String currency,
            String fundCode,
            String method,
            String status,
            String frequency,
            @Nullable String dedication,
            Instant pledgedAt,
            @Nullable Instant receivedAt,
            long refundedMinor,
            @Nullable String dispute,
            boolean recognised) {
        static PledgeResponse of(Donation donation) {
            return new PledgeResponse(
                    donation.id().toString(),
                    donation.amount().minor(),
                    donation.amount().currencyCode(),
                    donation.fundCode(),
                    donation.method().name(),
                    donation.status().name(),
                    donation.options().frequency().name(),
                    donation.options().dedication(),
                    donation.pledgedAt(),
                    donation.receivedAt(),
                    donation.refunded().minor(),
                    donation.dispute().map(Enum::name).orElse(null),
                    donation.options().recognition().consent());
        }
    }
}
