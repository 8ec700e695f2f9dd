package org.endow.grants.proposals.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.endow.grants.proposals.application.ApprovingGrants;
import org.endow.grants.proposals.application.KeepingDeadlines;
import org.endow.grants.proposals.application.PayingMilestones;
import org.endow.grants.proposals.application.ViewingProposals;
import org.endow.grants.proposals.model.Proposal;
import org.endow.platform.security.Caller;
import org.endow.platform.security.Roles;

/** Staff: all proposals with filters and CSV, totals, approval against reserved funds, payments, the audit log. */
@Controller("/api/grants/staff")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.STAFF)
class StaffController {

    private final ViewingProposals viewing;
    private final ApprovingGrants approving;
    private final PayingMilestones paying;
    private final KeepingDeadlines deadlines;

    StaffController(
            ViewingProposals viewing, ApprovingGrants approving, PayingMilestones paying, KeepingDeadlines deadlines) {
        this.viewing = viewing;
        this.approving = approving;
        this.paying = paying;
        this.deadlines = deadlines;
    }

    @Get("/proposals")
    List<ProposalResponse> all(
            @Nullable @QueryValue String state,
            @Nullable @QueryValue String category,
            @Nullable @QueryValue String organisation) {
        return filtered(state, category, organisation).stream()
                .map(p -> ProposalResponse.of(p, true))
                .toList();
    }

    @Get(value = "/proposals.csv", produces = "text/csv")
    HttpResponse<String> csv(
            @Nullable @QueryValue String state,
            @Nullable @QueryValue String category,
            @Nullable @QueryValue String organisation) {
        StringBuilder out = new StringBuilder(
                "id,state,category,organisation,title,amount_minor,currency,submitted_at,awarded_at\n");
        for (Proposal p : filtered(state, category, organisation)) {
            var a = p.application();
            out.append(String.join(
                            ",",
                            p.id(),
                            p.state().name(),
                            csv(a.categoryCode()),
                            csv(a.organisation()),
                            csv(a.title()),
                            Long.toString(a.amountMinor()),
                            a.currency(),
                            p.submittedAt() == null ? "" : p.submittedAt().toString(),
                            p.awardedAt() == null ? "" : p.awardedAt().toString()))
                    .append('\n');
        }
        return HttpResponse.ok(out.toString())
                .contentType(MediaType.of("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"grant-proposals.csv\"");
    }

    @Get("/totals")
    List<TotalResponse> totals() {
        return viewing.totals().stream()
                .map(t -> new TotalResponse(
                        t.category(), t.quarter(), t.currency(), t.requestedMinor(), t.awardedMinor()))
                .toList();
    }

    @Post("/proposals/{id}/approval")
    ProposalResponse approve(@PathVariable String id, Authentication authentication) {
        return ProposalResponse.of(approving.approve(Caller.of(authentication).accountId(), id), true);
    }

    @Post("/proposals/{id}/refusal")
    ProposalResponse decline(
            @PathVariable String id, @Body @Valid ReasonRequest request, Authentication authentication) {
        return ProposalResponse.of(
                approving.decline(Caller.of(authentication).accountId(), id, request.reason()), true);
    }

    @Post("/proposals/{id}/withdrawal")
    ProposalResponse withdraw(
            @PathVariable String id, @Body @Valid ReasonRequest request, Authentication authentication) {
        return ProposalResponse.of(
                approving.withdraw(Caller.of(authentication).accountId(), id, request.reason()), true);
    }

    @Post("/proposals/{id}/funds-request")
    ProposalResponse requestFunds(@PathVariable String id, Authentication authentication) {
        return ProposalResponse.of(
                approving.requestFundsAgain(Caller.of(authentication).accountId(), id), true);
    }

    @Post("/proposals/{id}/milestones/{number}/disbursement")
    ProposalResponse disburse(
            @PathVariable String id, @PathVariable @Min(1) int number, Authentication authentication) {
        return ProposalResponse.of(paying.disburse(Caller.of(authentication).accountId(), id, number), true);
    }

    @Post("/proposals/{id}/milestones/{number}/report-acceptance")
    ProposalResponse acceptReport(
            @PathVariable String id, @PathVariable @Min(1) int number, Authentication authentication) {
        return ProposalResponse.of(paying.acceptReport(Caller.of(authentication).accountId(), id, number), true);
    }

    /** Runs the deadline check now (it also runs on a schedule). */
    @Post("/deadlines")
    DeadlinesResponse deadlines() {
        return new DeadlinesResponse(deadlines.run());
    }

    @Get("/audit")
    List<AuditResponse> audit(@QueryValue(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return viewing.auditLog(limit).stream()
                .map(e -> new AuditResponse(e.actor(), e.action(), e.target(), e.details(), e.at()))
                .toList();
    }

    private List<Proposal> filtered(String state, String category, String organisation) {
        return viewing.all(new ViewingProposals.Filter(
                state == null || state.isBlank() ? null : ReviewController.parse(state),
                category == null || category.isBlank() ? null : category,
                organisation == null || organisation.isBlank() ? null : organisation));
    }

    /** A quoted CSV cell (RFC 4180), with a leading apostrophe against spreadsheet formula injection. */
    static String csv(String value) {
        if (value == null) {
            return "";
        }
        // as the funds' and donations' exports: = + - @, and a tab or carriage return a spreadsheet skips
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    @Serdeable
    record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {}

    @Serdeable
    record TotalResponse(String category, String quarter, String currency, long requestedMinor, long awardedMinor) {}

    @Serdeable
    record DeadlinesResponse(int moved) {}

    @Serdeable
    record AuditResponse(String actor, String action, String target, String details, Instant at) {}
}
