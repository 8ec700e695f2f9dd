package org.endow.funds.staff.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.endow.funds.ledger.model.ExchangeRate;
import org.endow.funds.staff.application.RecordingExchangeRate;
import org.endow.funds.staff.application.RecordingInKind;
import org.endow.funds.staff.application.TransferCommand;
import org.endow.funds.staff.application.TransferringFunds;
import org.endow.platform.security.Roles;

/** Staff decisions on the funds: transfers between funds and contributions in kind. Audited. */
@Controller("/api/funds")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.STAFF)
class StaffController {

    private final TransferringFunds transferring;
    private final RecordingInKind inKind;
    private final RecordingExchangeRate exchangeRates;

    StaffController(TransferringFunds transferring, RecordingInKind inKind, RecordingExchangeRate exchangeRates) {
        this.exchangeRates = exchangeRates;
        this.transferring = transferring;
        this.inKind = inKind;
    }

    @Post("/transfers")
    HttpResponse<Map<String, Object>> transfer(
            @Body @Valid TransferRequest request,
            @Nullable @Header("Idempotency-Key") @Size(max = 200) String idempotencyKey,
            Authentication staff) {
        boolean made = transferring.transfer(new TransferCommand(
                staff.getName(),
                request.fromFund() == null ? "general" : request.fromFund(),
                request.toFund(),
                request.amountMinor(),
                request.currency(),
                request.reason(),
                idempotencyKey));
        Map<String, Object> body = Map.of("transferred", true, "repeated", !made);
        return made ? HttpResponse.status(HttpStatus.CREATED).body(body) : HttpResponse.ok(body);
    }

    @Post("/in-kind")
    HttpResponse<Map<String, Object>> inKind(@Body @Valid InKindRequest request, Authentication staff) {
        var id = inKind.record(
                staff.getName(), request.fundCode(), request.valueMinor(), request.currency(), request.description());
        return HttpResponse.status(HttpStatus.CREATED).body(Map.of("id", id.toString()));
    }

    /**
     * Staff record how much one unit of {@code currency} is worth in {@code ledgerCurrency} (an item's
     * currency, default USD) from {@code effectiveFrom} (default now) on; gifts that waited for it are
     * applied.
     */
    @Post("/exchange-rates")
    HttpResponse<ExchangeRateResponse> recordRate(@Body @Valid ExchangeRateRequest request, Authentication staff) {
        RecordingExchangeRate.Recorded recorded = exchangeRates.record(
                staff.getName(),
                request.currency(),
                request.ledgerCurrency() == null ? "USD" : request.ledgerCurrency(),
                request.rate(),
                request.effectiveFrom());
        return HttpResponse.status(HttpStatus.CREATED)
                .body(ExchangeRateResponse.of(recorded.rate(), recorded.replayed()));
    }

    @Get("/exchange-rates")
    List<ExchangeRateResponse> rates() {
        return exchangeRates.all().stream()
                .map(r -> ExchangeRateResponse.of(r, 0))
                .toList();
    }

    @Serdeable
    record ExchangeRateRequest(
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO 4217 code")
            String currency,

            @Nullable @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO 4217 code")
            String ledgerCurrency,

            @NotBlank @Pattern(regexp = "\\d{1,10}(\\.\\d{1,10})?", message = "must be a decimal number like 1.0842")
            String rate,

            @Nullable Instant effectiveFrom) {}

    /** @param replayed gifts that were waiting for this rate and are being applied now */
    @Serdeable
    record ExchangeRateResponse(
            String currency, String ledgerCurrency, String rate, Instant effectiveFrom, int replayed) {
        static ExchangeRateResponse of(ExchangeRate r, int replayed) {
            return new ExchangeRateResponse(
                    r.currency(), r.ledgerCurrency(), r.rate().toPlainString(), r.effectiveFrom(), replayed);
        }
    }

    /**
     * @param fromFund default {@code general}
     * @param reason why, for the audit trail (required)
     */
    @Serdeable
    record TransferRequest(
            @Nullable @Size(max = 64) String fromFund,
            @NotBlank @Size(max = 64) String toFund,
            @NotNull @Positive Long amountMinor,

            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO 4217 code")
            String currency,

            @NotBlank @Size(max = 500) String reason) {}

    /** @param description what was given and by whom, e.g. "Venue for the sprint week, given by Bloomberg" */
    @Serdeable
    record InKindRequest(
            @NotBlank @Size(max = 64) String fundCode,
            @NotNull @Positive Long valueMinor,

            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO 4217 code")
            String currency,

            @NotBlank @Size(max = 500) String description) {}
}
