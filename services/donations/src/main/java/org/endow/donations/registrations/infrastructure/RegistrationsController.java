package org.endow.donations.registrations.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.endow.donations.registrations.application.AnsweringOffer;
import org.endow.donations.registrations.application.CancellingEvent;
import org.endow.donations.registrations.application.FollowingConversion;
import org.endow.donations.registrations.application.ManagingEvents;
import org.endow.donations.registrations.application.SendingBankRefunds;
import org.endow.donations.registrations.model.Answer;
import org.endow.donations.registrations.model.BankRefund;
import org.endow.donations.registrations.model.DefaultAnswer;
import org.endow.donations.registrations.model.Registration;
import org.endow.donations.registrations.model.Tally;
import org.endow.donations.registrations.model.TicketedEvent;
import org.endow.kernel.CsvCell;
import org.endow.platform.security.Caller;
import org.endow.platform.security.Roles;

/** Staff manage cancelled events' registrations; registrants answer their offer (public, by token). */
@Controller("/api/donations/registrations")
@ExecuteOn(TaskExecutors.BLOCKING)
class RegistrationsController {

    private final ManagingEvents managing;
    private final CancellingEvent cancelling;
    private final FollowingConversion following;
    private final AnsweringOffer answering;
    private final SendingBankRefunds bankRefunds;

    RegistrationsController(
            ManagingEvents managing,
            CancellingEvent cancelling,
            FollowingConversion following,
            AnsweringOffer answering,
            SendingBankRefunds bankRefunds) {
        this.managing = managing;
        this.cancelling = cancelling;
        this.following = following;
        this.answering = answering;
        this.bankRefunds = bankRefunds;
    }

    @Post("/events")
    @Secured(Roles.STAFF)
    TallyResponse create(@Body @Valid EventRequest request, Authentication authentication) {
        TicketedEvent event = managing.create(
                staff(authentication),
                new ManagingEvents.CreateEventCommand(
                        request.code(),
                        request.name(),
                        request.currency(),
                        request.fundCode(),
                        request.deadline(),
                        DefaultAnswer.valueOf(request.defaultAnswer())));
        return tally(event.code());
    }

    @Post("/events/{code}/registrations.csv")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Secured(Roles.STAFF)
    ImportedResponse importCsv(@PathVariable String code, @Body String csv, Authentication authentication) {
        return ImportedResponse.of(managing.importCsv(staff(authentication), code, csv));
    }

    @Post("/events/{code}/registrations")
    @Secured(Roles.STAFF)
    ImportedResponse importJson(
            @PathVariable String code, @Body @Valid ImportRequest request, Authentication authentication) {
        return ImportedResponse.of(managing.importAll(
                staff(authentication),
                code,
                request.registrations().stream()
                        .map(r -> new ManagingEvents.RegistrationCommand(
                                r.email(), r.name(), r.ticketType(), r.amountPaidMinor(), r.paymentIntentId()))
                        .toList()));
    }

    @Post("/events/{code}/cancel")
    @Secured(Roles.STAFF)
    TallyResponse cancel(@PathVariable String code, Authentication authentication) {
        cancelling.cancel(staff(authentication), code);
        return tally(code);
    }

    @Post("/events/{code}/reminders")
    @Secured(Roles.STAFF)
    TallyResponse remind(@PathVariable String code, Authentication authentication) {
        following.remind(staff(authentication), code);
        return tally(code);
    }

    @Get("/events/{code}")
    @Secured(Roles.STAFF)
    TallyResponse tally(@PathVariable String code) {
        return TallyResponse.of(following.tally(code));
    }

    /** The refunds the card could not take, owed by bank transfer: whom to pay, how much, why, and those sent. */
    @Get("/events/{code}/bank-refunds")
    @Secured(Roles.STAFF)
    List<BankRefundResponse> bankRefunds(@PathVariable String code) {
        return bankRefunds.list(code).stream().map(BankRefundResponse::of).toList();
    }

    /** The same list as a spreadsheet for the bank run; cells a spreadsheet would run as a formula are kept text. */
    @Get("/events/{code}/bank-refunds.csv")
    @Produces("text/csv")
    @Secured(Roles.STAFF)
    HttpResponse<String> bankRefundsCsv(@PathVariable String code) {
        StringBuilder out = new StringBuilder(
                "event_code,email,name,ticket_type,amount_minor,currency,why_not_on_card,answered_at,sent_at,sent_by,sent_reference\r\n");
        for (BankRefund r : bankRefunds.list(code)) {
            out.append(String.join(
                            ",",
                            CsvCell.of(r.eventCode()),
                            CsvCell.of(r.email()),
                            CsvCell.of(r.name()),
                            CsvCell.of(r.ticketType()),
                            Long.toString(r.amount().minor()),
                            r.amount().currencyCode(),
                            CsvCell.of(r.why().orElse("")),
                            String.valueOf(r.answeredAt()),
                            r.sent().map(s -> s.at().toString()).orElse(""),
                            CsvCell.of(r.sent().map(BankRefund.Sent::by).orElse("")),
                            CsvCell.of(r.sent().map(BankRefund.Sent::reference).orElse(""))))
                    .append("\r\n");
        }
        return HttpResponse.ok(out.toString())
                .contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"bank-refunds-" + code + ".csv\"");
    }

    /** Staff sent a registrant's refund from the bank: recorded once, audited, and the registrant is told. */
    @Post("/events/{code}/bank-refunds/sent")
    @Secured(Roles.STAFF)
    BankRefundResponse bankRefundSent(
            @PathVariable String code, @Body @Valid BankRefundSentRequest request, Authentication authentication) {
        return BankRefundResponse.of(
                bankRefunds.recordSent(staff(authentication), code, request.email(), request.reference()));
    }

    @Get("/offers/{token}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    OfferResponse offer(@PathVariable String token) {
        return OfferResponse.of(answering.view(token));
    }

    @Post("/offers/{token}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    OfferResponse answer(@PathVariable String token, @Body @Valid AnswerRequest request) {
        return OfferResponse.of(answering.answer(
                new AnsweringOffer.AnswerCommand(token, Answer.valueOf(request.answer()), request.donatedMinor())));
    }

    private static String staff(Authentication authentication) {
        return Caller.of(authentication).accountId();
    }

    @Serdeable
    record EventRequest(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "lower-case letters, digits and dashes")
            String code,

            @NotBlank @Size(max = 200) String name,

            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO 4217 code")
            String currency,

            @NotBlank @Size(max = 64) String fundCode,
            @NotNull @Future Instant deadline,

            @NotBlank @Pattern(regexp = "REFUND|DONATE", message = "REFUND or DONATE")
            String defaultAnswer) {}

    @Serdeable
    record RegistrationRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 100) String ticketType,
            @NotNull @Positive Long amountPaidMinor,

            @Nullable @Pattern(regexp = "pi_[A-Za-z0-9_]{1,200}", message = "a payment intent id starts with pi_")
            String paymentIntentId) {}

    @Serdeable
    record ImportRequest(@NotEmpty @Size(max = 10_000) List<@Valid RegistrationRequest> registrations) {}

    /** @param donatedMinor only for DONATE_PART: the part to donate, in minor units */
    @Serdeable
    record AnswerRequest(
            @NotBlank @Pattern(regexp = "REFUND|DONATE_ALL|DONATE_PART", message = "REFUND, DONATE_ALL or DONATE_PART")
            String answer,

            @Nullable Long donatedMinor) {}

    @Serdeable
    record BankRefundSentRequest(
            @NotBlank @Email @Size(max = 254) String email,

            @NotBlank @Size(max = 200) String reference) {}

    @Serdeable
    record BankRefundResponse(
            String eventCode,
            String email,
            String name,
            String ticketType,
            long amountMinor,
            String currency,
            @Nullable String whyNotOnCard,
            Instant answeredAt,
            @Nullable Instant sentAt,
            @Nullable String sentBy,
            @Nullable String sentReference) {
        static BankRefundResponse of(BankRefund r) {
            return new BankRefundResponse(
                    r.eventCode(),
                    r.email(),
                    r.name(),
                    r.ticketType(),
                    r.amount().minor(),
                    r.amount().currencyCode(),
                    r.why().orElse(null),
                    r.answeredAt(),
                    r.sent().map(BankRefund.Sent::at).orElse(null),
                    r.sent().map(BankRefund.Sent::by).orElse(null),
                    r.sent().map(BankRefund.Sent::reference).orElse(null));
        }
    }

    @Serdeable
    record ImportedResponse(int added, int alreadyThere) {
        static ImportedResponse of(ManagingEvents.Imported imported) {
            return new ImportedResponse(imported.added(), imported.alreadyThere());
        }
    }

    @Serdeable
    record TallyResponse(
            String code,
            String name,
            String currency,
            String fundCode,
            Instant deadline,
            String defaultAnswer,
            @Nullable Instant cancelledAt,
            @Nullable Instant lastRemindedAt,
            int refund,
            int donateAll,
            int donatePart,
            int notAnswered,
            long convertedMinor,
            long refundedMinor,
            long refundsDueByBankMinor,
            int refundsDueByBankCount) {
        static TallyResponse of(FollowingConversion.EventTally et) {
            TicketedEvent e = et.event();
            Tally t = et.tally();
            return new TallyResponse(
                    e.code(),
                    e.name(),
                    e.currency().getCurrencyCode(),
                    e.fundCode(),
                    e.deadline(),
                    e.defaultAnswer().name(),
                    e.cancelledAt().orElse(null),
                    e.lastRemindedAt().orElse(null),
                    t.refund(),
                    t.donateAll(),
                    t.donatePart(),
                    t.notAnswered(),
                    t.converted().minor(),
                    t.refunded().minor(),
                    t.refundsDueByBank().minor(),
                    t.refundsDueByBankCount());
        }
    }

    @Serdeable
    record OfferResponse(
            String eventName,
            String name,
            String ticketType,
            long paidMinor,
            String currency,
            Instant deadline,
            @Nullable String answer,
            @Nullable Long donatedMinor,
            @Nullable Long refundedMinor,
            boolean answeredByDefault) {
        static OfferResponse of(AnsweringOffer.Result result) {
            Registration r = result.registration();
            var c = r.conversion();
            return new OfferResponse(
                    result.event().name(),
                    r.name(),
                    r.ticketType(),
                    r.paid().minor(),
                    r.paid().currencyCode(),
                    result.event().deadline(),
                    c.map(x -> x.answer().name()).orElse(null),
                    c.map(x -> x.donated().minor()).orElse(null),
                    c.map(x -> x.refunded().minor()).orElse(null),
                    r.answeredByDefault());
        }
    }
}
