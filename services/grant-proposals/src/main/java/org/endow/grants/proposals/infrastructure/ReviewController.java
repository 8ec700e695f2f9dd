package org.endow.grants.proposals.infrastructure;

import io.micronaut.core.annotation.Nullable;
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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.endow.grants.proposals.application.Reviewing;
import org.endow.grants.proposals.application.ViewingProposals;
import org.endow.grants.proposals.model.State;
import org.endow.kernel.voting.Choice;
import org.endow.platform.problem.ProblemException;
import org.endow.platform.security.Caller;
import org.endow.platform.security.Roles;

/** The working group's side: the queue, my pending votes, the chair's checks, comments, votes, the Board. */
@Controller("/api/grants/review")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.GRANTS_WG, Roles.STAFF, Roles.ADMIN})
class ReviewController {

    private final Reviewing reviewing;
    private final ViewingProposals viewing;

    ReviewController(Reviewing reviewing, ViewingProposals viewing) {
        this.reviewing = reviewing;
        this.viewing = viewing;
    }

    @Get("/queue")
    List<ProposalResponse> queue(@Nullable @QueryValue String state) {
        return viewing.queue(state == null || state.isBlank() ? null : parse(state)).stream()
                .map(p -> ProposalResponse.of(p, true))
                .toList();
    }

    @Get("/pending-votes")
    List<ProposalResponse> pendingVotes(Authentication authentication) {
        return viewing.pendingVotes(Caller.of(authentication).accountId()).stream()
                .map(p -> ProposalResponse.of(p, true))
                .toList();
    }

    @Post("/proposals/{id}/more-information")
    ProposalResponse moreInformation(
            @PathVariable String id, @Body @Valid MessageRequest request, Authentication authentication) {
        return ProposalResponse.of(
                reviewing.requestMoreInformation(Caller.of(authentication), id, request.message()), true);
    }

    @Post("/proposals/{id}/completeness")
    ProposalResponse complete(@PathVariable String id, Authentication authentication) {
        return ProposalResponse.of(reviewing.acceptAsComplete(Caller.of(authentication), id), true);
    }

    @Post("/proposals/{id}/fast-track")
    ProposalResponse fastTrack(@PathVariable String id, Authentication authentication) {
        return ProposalResponse.of(reviewing.fastTrack(Caller.of(authentication), id), true);
    }

    @Post("/proposals/{id}/objection")
    ProposalResponse object(
            @PathVariable String id, @Body @Valid MessageRequest request, Authentication authentication) {
        return ProposalResponse.of(reviewing.object(Caller.of(authentication), id, request.message()), true);
    }

    @Post("/proposals/{id}/comments")
    ProposalResponse comment(
            @PathVariable String id, @Body @Valid MessageRequest request, Authentication authentication) {
        return ProposalResponse.of(reviewing.comment(Caller.of(authentication), id, request.message()), true);
    }

    @Post("/proposals/{id}/vote-opening")
    ProposalResponse openVote(@PathVariable String id, Authentication authentication) {
        return ProposalResponse.of(reviewing.openVote(Caller.of(authentication), id), true);
    }

    /** AYE, NAY, ABSTAIN or CONFLICT (a declared conflict of interest: the member recuses). */
    @Post("/proposals/{id}/votes")
    ProposalResponse vote(@PathVariable String id, @Body @Valid VoteRequest request, Authentication authentication) {
        Choice choice = switch (request.choice()) {
            case "AYE" -> Choice.YES;
            case "NAY" -> Choice.NO;
            case "ABSTAIN" -> Choice.ABSTAIN;
            default -> Choice.CONFLICT;
        };
        return ProposalResponse.of(
                reviewing.vote(Caller.of(authentication), id, choice).proposal(), true);
    }

    @Post("/proposals/{id}/board-decision")
    @Secured(Roles.ADMIN)
    ProposalResponse board(@PathVariable String id, @Body @Valid BoardRequest request, Authentication authentication) {
        return ProposalResponse.of(
                reviewing.boardDecides(Caller.of(authentication), id, request.approve(), request.note()), true);
    }

    static State parse(String state) {
        try {
            return State.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("state", "no state " + state);
        }
    }

    @Serdeable
    record MessageRequest(@NotBlank @Size(max = 5000) String message) {}

    @Serdeable
    record VoteRequest(
            @NotBlank @Pattern(regexp = "AYE|NAY|ABSTAIN|CONFLICT", message = "must be AYE, NAY, ABSTAIN or CONFLICT")
            String choice) {}

    @Serdeable
    record BoardRequest(
            @NotNull Boolean approve,
            @Nullable @Size(max = 2000) String note) {}
}
