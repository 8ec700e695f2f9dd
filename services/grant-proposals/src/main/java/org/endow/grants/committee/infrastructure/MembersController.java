package org.endow.grants.committee.infrastructure;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.endow.grants.committee.application.ManagingRoster;
import org.endow.grants.committee.model.Member;
import org.endow.platform.security.Caller;
import org.endow.platform.security.Roles;

/** The Grants Working Group's roster: staff keep it, members read it. */
@Controller("/api/grants/members")
@ExecuteOn(TaskExecutors.BLOCKING)
class MembersController {

    private final ManagingRoster roster;

    MembersController(ManagingRoster roster) {
        this.roster = roster;
    }

    @Get
    @Secured({Roles.STAFF, Roles.GRANTS_WG})
    List<MemberBody> all() {
        return roster.all().stream()
                .map(m -> new MemberBody(m.name(), m.email(), m.chair(), m.accountId()))
                .toList();
    }

    @Put("/{accountId}")
    @Secured(Roles.STAFF)
    MemberBody save(@PathVariable String accountId, @Body @Valid MemberRequest request, Authentication authentication) {
        Member member = roster.save(
                Caller.of(authentication).accountId(),
                new Member(accountId, request.name(), request.email(), request.chair()));
        return new MemberBody(member.name(), member.email(), member.chair(), member.accountId());
    }

    @Delete("/{accountId}")
    @Secured(Roles.STAFF)
    HttpResponse<Void> remove(@PathVariable String accountId, Authentication authentication) {
        roster.remove(Caller.of(authentication).accountId(), accountId);
        return HttpResponse.noContent();
    }

    @Serdeable
    record MemberRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email String email,
            boolean chair) {}

    @Serdeable
    record MemberBody(String name, String email, boolean chair, String accountId) {}
}
