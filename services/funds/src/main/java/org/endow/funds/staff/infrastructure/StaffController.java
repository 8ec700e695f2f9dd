package org.endow.funds.staff.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
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
import java.util.Map;
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

    StaffController(TransferringFunds transferring, RecordingInKind inKind) {
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
