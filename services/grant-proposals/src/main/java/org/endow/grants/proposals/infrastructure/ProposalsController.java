package org.endow.grants.proposals.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.endow.grants.proposals.application.Applying;
import org.endow.grants.proposals.application.ApprovingGrants;
import org.endow.grants.proposals.application.PayingMilestones;
import org.endow.grants.proposals.application.ViewingProposals;
import org.endow.grants.proposals.model.Applicant;
import org.endow.grants.proposals.model.Application;
import org.endow.grants.proposals.model.Proposal;
import org.endow.platform.security.Caller;
import org.endow.platform.security.Roles;

/** The applicant's side: drafts, submission, my proposals, accepting the award, progress reports. */
@Controller("/api/grants/proposals")
@ExecuteOn(TaskExecutors.BLOCKING)
class ProposalsController {

    private final Applying applying;
    private final ViewingProposals viewing;
    private final ApprovingGrants approving;
    private final PayingMilestones paying;

    ProposalsController(
            Applying applying, ViewingProposals viewing, ApprovingGrants approving, PayingMilestones paying) {
        this.applying = applying;
        this.viewing = viewing;
        this.approving = approving;
        this.paying = paying;
    }

    @Post
    @Secured(Roles.APPLICANT)
    HttpResponse<ProposalResponse> draft(@Body @Valid ProposalRequest request, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Proposal proposal = applying.draft(
                new Applicant(caller.accountId(), caller.name(), caller.email()), request.toApplication());
        return HttpResponse.<ProposalResponse>status(HttpStatus.CREATED)
                .headers(h -> h.location(URI.create("/api/grants/proposals/" + proposal.id())))
                .body(ProposalResponse.of(proposal, false));
    }

    @Put("/{id}")
    @Secured(Roles.APPLICANT)
    ProposalResponse edit(
            @PathVariable String id, @Body @Valid ProposalRequest request, Authentication authentication) {
        return ProposalResponse.of(
                applying.edit(Caller.of(authentication).accountId(), id, request.toApplication()), false);
    }

    @Post("/{id}/submission")
    @Secured(Roles.APPLICANT)
    SubmissionResponse submit(@PathVariable String id, Authentication authentication) {
        Applying.Submission submission =
                applying.submit(Caller.of(authentication).accountId(), id);
        return new SubmissionResponse(
                ProposalResponse.of(submission.proposal(), false),
                submission.warnings().stream()
                        .map(w -> new WarningBody(w.field(), w.message()))
                        .toList());
    }

    @Get("/mine")
    @Secured(Roles.APPLICANT)
    List<ProposalResponse> mine(Authentication authentication) {
        return viewing.mine(Caller.of(authentication).accountId()).stream()
                .map(p -> ProposalResponse.of(p, false, p.applicant().accountId()))
                .toList();
    }

    @Get("/{id}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    ProposalResponse one(@PathVariable String id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Proposal proposal = viewing.one(caller, id);
        return ProposalResponse.of(proposal, viewing.isReviewer(caller), caller.accountId());
    }

    @Get(value = "/{id}/award-letter", produces = "application/pdf")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<byte[]> letter(@PathVariable String id, Authentication authentication) {
        Proposal proposal = viewing.one(Caller.of(authentication), id);
        return HttpResponse.ok(approving.letter(proposal))
                .contentType(MediaType.of("application/pdf"))
                .header("Content-Disposition", "inline; filename=\"award-letter.pdf\"");
    }

    /** A PDF for the proposal, sent as the request body ({@code Content-Type: application/pdf}). */
    @Post(value = "/{id}/attachments/{name}", consumes = "application/pdf")
    @Secured(Roles.APPLICANT)
    ProposalResponse attach(
            @PathVariable String id,
            @PathVariable String name,
            @Nullable @QueryValue @Size(max = 200) String filename,
            @Body byte[] content,
            Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return ProposalResponse.of(
                applying.attach(caller.accountId(), id, name, filename, content), false, caller.accountId());
    }

    @Get(value = "/{id}/attachments/{name}", produces = "application/pdf")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<byte[]> attachment(@PathVariable String id, @PathVariable String name, Authentication authentication) {
        Proposal proposal = viewing.one(Caller.of(authentication), id);
        return HttpResponse.ok(applying.attachment(proposal, name))
                .contentType(MediaType.of("application/pdf"))
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"" + name.replaceAll("[^a-z0-9 -]", "") + ".pdf\"")
                .header("X-Content-Type-Options", "nosniff");
    }

    @Post("/{id}/acceptance")
    @Secured(Roles.APPLICANT)
    ProposalResponse accept(@PathVariable String id, Authentication authentication) {
        return ProposalResponse.of(
                approving.acceptAward(Caller.of(authentication).accountId(), id), false);
    }

    @Post("/{id}/milestones/{number}/report")
    @Secured(Roles.APPLICANT)
    ProposalResponse report(
            @PathVariable String id,
            @PathVariable @Min(1) int number,
            @Body @Valid ReportRequest request,
            Authentication authentication) {
        return ProposalResponse.of(
                paying.submitReport(Caller.of(authentication).accountId(), id, number, request.text()), false);
    }

    @Serdeable
    record ReportRequest(@NotBlank @Size(max = 20000) String text) {}

    @Serdeable
    record WarningBody(String field, String message) {}

    @Serdeable
    record SubmissionResponse(ProposalResponse proposal, List<WarningBody> warnings) {}

    /**
     * What the applicant writes. Drafts may be incomplete; submitting checks everything against the policy.
     *
     * @param eventSeries the recurring event this is an edition of, for the fast track
     */
    @Serdeable
    record ProposalRequest(
            @Nullable @Size(max = 200) String organisation,
            @NotBlank @Size(max = 40) String categoryCode,
            @Nullable @Size(max = 200) String title,
            @Nullable @Size(max = 20000) String description,
            @Nullable @Size(max = 200) String eventSeries,
            @Nullable LocalDate startDate,
            @Nullable LocalDate endDate,
            @Nullable @PositiveOrZero @Max(1_000_000) Integer attendees,
            @NotNull @PositiveOrZero Long amountMinor,

            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO 4217 code")
            String currency,

            @Nullable @Size(max = 50) List<@Valid BudgetLineRequest> budgetLines,
            @Nullable @Size(max = 24) List<@Valid MilestoneRequest> milestones,
            @Nullable @Size(max = 500) String codeOfConductUrl) {

        Application toApplication() {
            return new Application(
                    organisation,
                    categoryCode,
                    title,
                    description,
                    eventSeries,
                    startDate,
                    endDate,
                    attendees == null ? 0 : attendees,
                    amountMinor,
                    currency,
                    budgetLines == null
                            ? List.of()
                            : budgetLines.stream()
                                    .map(l -> new Application.BudgetLine(l.item(), l.amountMinor()))
                                    .toList(),
                    milestones == null
                            ? List.of()
                            : milestones.stream()
                                    .map(m -> new Application.MilestonePlan(m.title(), m.amountMinor(), m.due()))
                                    .toList(),
                    codeOfConductUrl);
        }
    }

    @Serdeable
    record BudgetLineRequest(
            @NotBlank @Size(max = 200) String item,
            @NotNull @PositiveOrZero Long amountMinor) {}

    @Serdeable
    record MilestoneRequest(
            @NotBlank @Size(max = 200) String title,
            @NotNull @PositiveOrZero Long amountMinor,
            @NotNull LocalDate due) {}
}
