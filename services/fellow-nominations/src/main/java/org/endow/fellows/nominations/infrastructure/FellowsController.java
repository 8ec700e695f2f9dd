package org.endow.fellows.nominations.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.endow.fellows.nominations.application.Electing;
import org.endow.fellows.nominations.application.Nominating;
import org.endow.fellows.nominations.application.Reviewing;
import org.endow.fellows.nominations.application.Voting;
import org.endow.fellows.nominations.model.Nomination;
import org.endow.fellows.nominations.model.Nominee;
import org.endow.fellows.nominations.model.WorkGroup;
import org.endow.kernel.voting.Choice;
import org.endow.platform.security.Caller;
import org.endow.platform.security.Roles;

/**
 * Fellow nominations over HTTP: members nominate and follow their own nominations; the work group
 * verifies, asks for references and votes; staff merge, manage the work group and read the
 * announcement and the minutes; token links add references and accept the honour; the roster is
 * public.
 */
@Controller("/api/fellows")
@ExecuteOn(TaskExecutors.BLOCKING)
class FellowsController {

    private final Nominating nominating;
    private final Reviewing reviewing;
    private final Voting voting;
    private final Electing electing;
    private final FellowsProperties properties;

    FellowsController(
            Nominating nominating,
            Reviewing reviewing,
            Voting voting,
            Electing electing,
            FellowsProperties properties) {
        this.nominating = nominating;
        this.reviewing = reviewing;
        this.voting = voting;
        this.electing = electing;
        this.properties = properties;
    }

    @Post("/nominations")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<MyNominationResponse> nominate(@Body @Valid NominationRequest request, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Nominating.MyNomination made = nominating.nominate(new Nominating.NominateCommand(
                caller.accountId(),
                caller.name(),
                caller.email(),
                request.nomineeName(),
                request.nomineeEmail(),
                request.links() == null ? List.of() : request.links(),
                request.statement(),
                request.references() == null
                        ? List.of()
                        : request.references().stream()
                                .map(ReferenceRequest::toModel)
                                .toList()));
        return HttpResponse.created(MyNominationResponse.of(made))
                .headers(h -> h.location(URI.create(
                        "/api/fellows/nominations/" + made.nomination().id())));
    }

    @Get("/nominations/mine")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<MyNominationResponse> mine(Authentication authentication) {
        return nominating.mine(Caller.of(authentication).accountId()).stream()
                .map(MyNominationResponse::of)
                .toList();
    }

    @Get("/nominations/{id}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    MyNominationResponse one(@PathVariable UUID id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return MyNominationResponse.of(nominating.read(
                id, caller.accountId(), caller.email(), caller.has(Roles.FELLOWS_WG) || caller.has(Roles.STAFF)));
    }

    /** The work group's page: the cycle under review and its nominees with their endorsements. */
    @Get("/review")
    @Secured({Roles.FELLOWS_WG, Roles.STAFF})
    ReviewResponse review(Authentication authentication) {
        String me = Caller.of(authentication).accountId();
        Reviewing.Page page = reviewing.page();
        return new ReviewResponse(
                page.cycle().label(),
                page.cycle().cutOff(),
                page.cycle().reviewEnd(),
                page.votingOpen(),
                page.members(),
                page.entries().stream()
                        .map(e -> new ReviewEntry(
                                e.nominee().id().toString(),
                                e.nominee().name(),
                                e.nominee().links(),
                                e.nominee().status().name(),
                                e.endorsements().stream()
                                        .map(n -> new Endorsement(
                                                n.nominatorName(),
                                                n.statement(),
                                                n.references().size()))
                                        .toList(),
                                e.votes().size(),
                                e.votes().containsKey(me) ? e.votes().get(me).name() : null))
                        .toList());
    }

    @Post("/nominees/{id}/verification")
    @Secured(Roles.FELLOWS_WG)
    NomineeResponse verify(@PathVariable UUID id, Authentication authentication) {
        return NomineeResponse.of(reviewing.verify(Caller.of(authentication).accountId(), id));
    }

    @Post("/nominees/{id}/references-request")
    @Secured(Roles.FELLOWS_WG)
    NomineeResponse requestReferences(@PathVariable UUID id, Authentication authentication) {
        return NomineeResponse.of(
                reviewing.requestReferences(Caller.of(authentication).accountId(), id));
    }

    /** A vote; a second replaces the first ({@code replaced}); outside the review window it is refused (409). */
    @Post("/nominees/{id}/votes")
    @Secured(Roles.FELLOWS_WG)
    VoteResponse vote(@PathVariable UUID id, @Body @Valid VoteRequest request, Authentication authentication) {
        Voting.Cast cast = voting.vote(Caller.of(authentication).accountId(), id, Choice.valueOf(request.choice()));
        return new VoteResponse(
                cast.choice().name(),
                cast.replaced(),
                cast.closed(),
                cast.replaced() ? "Your earlier vote was replaced by this one" : "Your vote was recorded",
                NomineeResponse.of(cast.nominee()));
    }

    @Post("/nominees/{id}/merge")
    @Secured(Roles.STAFF)
    NomineeResponse merge(@PathVariable UUID id, @Body @Valid MergeRequest request, Authentication authentication) {
        return NomineeResponse.of(reviewing.merge(Caller.of(authentication).accountId(), id, request.into()));
    }

    @Put("/members/{accountId}")
    @Secured(Roles.STAFF)
    MemberRequest member(
            @PathVariable @Size(max = 100) String accountId,
            @Body @Valid MemberRequest request,
            Authentication authentication) {
        reviewing.saveMember(
                Caller.of(authentication).accountId(),
                new WorkGroup.Member(accountId, request.name(), request.email(), request.veto()));
        return request;
    }

    /** The token link a nominator got: three references. */
    @Post("/references/{token}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    NomineeStatusResponse addReferences(
            @PathVariable @Size(max = 64) String token, @Body @Valid ReferencesRequest request) {
        Nominee nominee = reviewing.addReferences(
                token,
                request.references().stream().map(ReferenceRequest::toModel).toList());
        return new NomineeStatusResponse(nominee.name(), nominee.status().name());
    }

    @Get("/acceptance/{token}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    NomineeStatusResponse invitation(@PathVariable @Size(max = 64) String token) {
        Nominee nominee = electing.invitation(token);
        return new NomineeStatusResponse(nominee.name(), nominee.status().name());
    }

    @Post("/acceptance/{token}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    RosterEntry accept(@PathVariable @Size(max = 64) String token, @Body @Valid AcceptanceRequest request) {
        return RosterEntry.of(electing.accept(token, request.displayName()));
    }

    @Get("/roster")
    @Secured(SecurityRule.IS_ANONYMOUS)
    List<RosterEntry> roster() {
        return electing.roster().stream().map(RosterEntry::of).toList();
    }

    @Get("/cycles/{cycle}/announcement")
    @Secured(Roles.STAFF)
    Map<String, String> announcement(@PathVariable @Pattern(regexp = "\\d{4}-Q\\d") String cycle) {
        return Map.of("cycle", cycle, "text", electing.announcement(cycle));
    }

    @Get("/cycles/{cycle}/minutes.pdf")
    @Produces("application/pdf")
    @Secured(Roles.STAFF)
    HttpResponse<byte[]> minutes(@PathVariable @Pattern(regexp = "\\d{4}-Q\\d") String cycle) {
        return HttpResponse.ok(electing.minutes(properties.foundationName(), cycle))
                .contentType(MediaType.of("application/pdf"))
                .header("Content-Disposition", "attachment; filename=\"fellow-minutes-" + cycle + ".pdf\"");
    }

    @Get("/audit")
    @Secured(Roles.STAFF)
    List<AuditResponse> audit(@QueryValue(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return reviewing.auditLog(limit).stream()
                .map(e -> new AuditResponse(e.actor(), e.action(), e.target(), e.details(), e.at()))
                .toList();
    }

    // ---- request and response records

    @Serdeable
    record AuditResponse(String actor, String action, String target, String details, Instant at) {}

    @Serdeable
    record ReferenceRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @Nullable @Size(max = 200) String relation) {
        Nomination.Reference toModel() {
            return new Nomination.Reference(name, email, relation);
        }
    }

    @Serdeable
    record NominationRequest(
            @NotBlank @Size(max = 200) String nomineeName,
            @NotBlank @Email @Size(max = 254) String nomineeEmail,

            @Nullable @Size(max = 5)
            List<
                            @NotBlank @Size(max = 300)
                            @Pattern(regexp = "https?://\\S+", message = "must be an http(s) address") String>
                    links,

            @NotBlank @Size(max = 10_000) String statement,
            @Nullable @Size(max = 5) List<@Valid ReferenceRequest> references) {}

    @Serdeable
    record ReferencesRequest(
            @NotNull @Size(min = 3, max = 5) List<@Valid ReferenceRequest> references) {}

    @Serdeable
    record VoteRequest(
            @NotBlank @Pattern(regexp = "YES|NO|ABSTAIN|CONFLICT", message = "must be YES, NO, ABSTAIN or CONFLICT")
            String choice) {}

    @Serdeable
    record MergeRequest(@NotNull UUID into) {}

    @Serdeable
    record MemberRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email String email,
            boolean veto) {}

    @Serdeable
    record AcceptanceRequest(@NotBlank @Size(max = 200) String displayName) {}

    @Serdeable
    record NomineeStatusResponse(String name, String status) {}

    @Serdeable
    record NomineeResponse(String id, String name, String status, String cycle, LocalDate reviewEnd) {
        static NomineeResponse of(Nominee n) {
            return new NomineeResponse(
                    n.id().toString(),
                    n.name(),
                    n.status().name(),
                    n.cycle().label(),
                    n.cycle().reviewEnd());
        }
    }

    @Serdeable
    record VoteResponse(String choice, boolean replaced, boolean closed, String message, NomineeResponse nominee) {}

    /**
     * A nomination as its nominator (or the work group) sees it.
     *
     * @param progress where it stands, in words; never other nominators or votes
     */
    @Serdeable
    record MyNominationResponse(
            String id,
            String nomineeName,
            String nomineeStatus,
            String cycle,
            LocalDate reviewEnd,
            String progress,
            String statement,
            int references,
            Instant submittedAt) {
        static MyNominationResponse of(Nominating.MyNomination made) {
            Nominee n = made.nominee();
            String progress = switch (n.status()) {
                case NOMINATED -> "waiting for the work group to verify it";
                case REFERENCES_REQUESTED -> "the work group asked you for three references";
                case VERIFIED -> "under review in cycle " + n.cycle().label();
                case ELECTED -> "elected in " + n.electedIn() + "; the nominee is invited to accept";
                case FELLOW -> "a Fellow since " + n.electedIn();
                case EXPIRED -> "expired: not approved within a year";
                case MERGED -> "merged";
            };
            return new MyNominationResponse(
                    made.nomination().id().toString(),
                    n.name(),
                    n.status().name(),
                    n.cycle().label(),
                    n.cycle().reviewEnd(),
                    progress,
                    made.nomination().statement(),
                    made.nomination().references().size(),
                    made.nomination().submittedAt());
        }
    }

    @Serdeable
    record Endorsement(String nominator, String statement, int references) {}

    @Serdeable
    record ReviewEntry(
            String id,
            String name,
            List<String> links,
            String status,
            List<Endorsement> endorsements,
            int votesCast,
            @Nullable String myVote) {}

    @Serdeable
    record ReviewResponse(
            String cycle,
            LocalDate cutOff,
            LocalDate reviewEnd,
            boolean votingOpen,
            int members,
            List<ReviewEntry> nominees) {}

    @Serdeable
    record RosterEntry(String name, String cycle, int year, String quarter, List<String> links) {
        static RosterEntry of(Nominee n) {
            String cycle = n.electedIn();
            return new RosterEntry(
                    n.displayName(), cycle, Integer.parseInt(cycle.substring(0, 4)), cycle.substring(5), n.links());
        }
    }
}
