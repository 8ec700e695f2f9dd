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
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.endow.donations.giving.application.CancellingMonthlyGift;
import org.endow.donations.giving.application.CardCheckout;
import org.endow.donations.giving.application.PledgeCommand;
import org.endow.donations.giving.application.StartingCardGift;
import org.endow.donations.giving.application.ViewingDonations;
import org.endow.donations.giving.model.DonorId;
import org.endow.donations.giving.model.GivingPolicy;
import org.endow.donations.giving.model.RecurringGift;
import org.endow.platform.security.Caller;
import org.endow.platform.security.Roles;

/**
 * Card gifts: start a checkout (signed in or as a guest, one-time or monthly), and a donor's
 * monthly gifts (list, cancel).
 */
@Controller("/api/donations")
@ExecuteOn(TaskExecutors.BLOCKING)
class CardGiftsController {

    private final StartingCardGift starting;
    private final CancellingMonthlyGift cancelling;
    private final ViewingDonations viewing;
    private final CardCheckout cards;
    private final GivingPolicy policy;

    CardGiftsController(
            StartingCardGift starting,
            CancellingMonthlyGift cancelling,
            ViewingDonations viewing,
            CardCheckout cards,
            GivingPolicy policy) {
        this.starting = starting;
        this.cancelling = cancelling;
        this.viewing = viewing;
        this.cards = cards;
        this.policy = policy;
    }

    /** What the donate page may offer: card payments (a provider is configured) and the accepted currencies. */
    @Get("/giving-options")
    @Secured(SecurityRule.IS_ANONYMOUS)
    GivingOptions options() {
        return new GivingOptions(
                cards.enabled(), policy.currencies().stream().sorted().toList());
    }

    @Serdeable
    record GivingOptions(boolean cards, List<String> currencies) {}

    /**
     * Opens a hosted card checkout and answers where to send the donor (201; 200 for a retry with
     * the same Idempotency-Key). A signed-in donor's name and email come from their account; a
     * guest types them in.
     */
    @Post("/checkout")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<CheckoutResponse> checkout(
            @Body @Valid CheckoutRequest request,
            @Nullable @Header("Idempotency-Key") @Size(max = 200) String idempotencyKey,
            @Nullable Authentication authentication) {
        Caller caller = authentication == null ? null : Caller.of(authentication);
        boolean donor = caller != null && caller.has(Roles.DONOR);
        StartingCardGift.Started started = starting.start(new PledgeCommand(
                donor ? new DonorId(caller.accountId()) : null,
                donor ? caller.name() : request.donorName(),
                donor ? caller.email() : request.donorEmail(),
                request.amountMinor(),
                request.currency(),
                request.fundCode(),
                "CARD",
                request.frequency(),
                request.dedication(),
                request.recognition() == null
                        ? null
                        : new PledgeCommand.RecognitionChoice(
                                request.recognition().consent(),
                                request.recognition().anonymous(),
                                request.recognition().displayName()),
                idempotencyKey));
        CheckoutResponse body = new CheckoutResponse(
                started.giftId().toString(), started.monthly() ? "MONTHLY" : "ONE_TIME", started.checkoutUrl());
        return started.created() ? HttpResponse.status(HttpStatus.CREATED).body(body) : HttpResponse.ok(body);
    }

    @Get("/monthly/mine")
    @Secured(Roles.DONOR)
    List<MonthlyGiftResponse> mine(Authentication authentication) {
        return viewing.mineMonthly(new DonorId(Caller.of(authentication).accountId())).stream()
                .map(MonthlyGiftResponse::of)
                .toList();
    }

    /** The donor ends their monthly gift (staff may end anyone's, audited). 202: the provider confirms it. */
    @Post("/monthly/{id}/cancel")
    @Secured({Roles.DONOR, Roles.STAFF})
    HttpResponse<CancelResponse> cancel(@PathVariable UUID id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        String state = cancelling.cancel(
                id, new DonorId(caller.accountId()), caller.has(Roles.STAFF) ? caller.accountId() : null);
        return HttpResponse.<CancelResponse>status(state.equals("REQUESTED") ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(new CancelResponse(id.toString(), state));
    }

    /**
     * @param donorName a guest's name (ignored for a signed-in donor)
     * @param donorEmail a guest's email, where the receipt goes (ignored for a signed-in donor)
     */
    @Serdeable
    record CheckoutRequest(
            @NotNull @Positive Long amountMinor,

            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO 4217 code")
            String currency,

            @NotBlank @Size(max = 64) String fundCode,

            @Nullable @Pattern(regexp = "ONE_TIME|MONTHLY", message = "must be ONE_TIME or MONTHLY")
            String frequency,

            @Nullable @Size(max = 200) String dedication,
            @Nullable @Valid PledgesController.RecognitionRequest recognition,
            @Nullable @Size(max = 120) String donorName,
            @Nullable @Size(max = 254) String donorEmail) {}

    /** @param checkoutUrl where to send the donor to pay */
    @Serdeable
    record CheckoutResponse(String giftId, String frequency, String checkoutUrl) {}

    @Serdeable
    record CancelResponse(String id, String state) {}

    @Serdeable
    record MonthlyGiftResponse(
            String id,
            long amountMinor,
            String currency,
            String fundCode,
            String status,
            Instant createdAt,
            @Nullable Instant startedAt,
            @Nullable Instant cancelledAt) {
        static MonthlyGiftResponse of(RecurringGift gift) {
            return new MonthlyGiftResponse(
                    gift.id().toString(),
                    gift.monthly().minor(),
                    gift.monthly().currencyCode(),
                    gift.fundCode(),
                    gift.status().name(),
                    gift.createdAt(),
                    gift.startedAt().orElse(null),
                    gift.cancelledAt().orElse(null));
        }
    }
}
