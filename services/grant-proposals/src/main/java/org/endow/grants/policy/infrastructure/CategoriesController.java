package org.endow.grants.policy.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
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
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.endow.grants.policy.application.ManagingPolicy;
import org.endow.grants.policy.model.FastTrackRule;
import org.endow.grants.policy.model.GrantCategory;
import org.endow.kernel.voting.Basis;
import org.endow.kernel.voting.VotingRule;
import org.endow.platform.problem.ProblemException;
import org.endow.platform.security.Caller;
import org.endow.platform.security.Roles;

/** The grant policy as data: everyone signed in reads it (the form follows it), staff change it (audited). */
@Controller("/api/grants/categories")
@ExecuteOn(TaskExecutors.BLOCKING)
class CategoriesController {

    private final ManagingPolicy policy;

    CategoriesController(ManagingPolicy policy) {
        this.policy = policy;
    }

    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<CategoryBody> all() {
        return policy.all().stream().map(CategoryBody::of).toList();
    }

    @Get("/{code}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    CategoryBody one(@PathVariable String code) {
        return CategoryBody.of(policy.one(code));
    }

    @Put("/{code}")
    @Secured(Roles.STAFF)
    CategoryBody save(@PathVariable String code, @Body @Valid CategoryBody body, Authentication authentication) {
        if (!code.equals(body.code())) {
            throw ProblemException.invalidField("code", "must be the code in the path, " + code);
        }
        GrantCategory category;
        try {
            category = body.toCategory();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("votingRule", e.getMessage());
        }
        return CategoryBody.of(policy.save(Caller.of(authentication).accountId(), category));
    }

    /**
     * A category and its rules.
     *
     * @param basis VOTES_CAST (yes of yes+no) or ELIGIBLE_MEMBERS (yes of the voting members, abstentions and
     *     conflicts excluded)
     * @param thresholdNumerator with {@code thresholdDenominator}: the share of yes needed, e.g. 30/100 or 2/3
     * @param strictlyMore yes must exceed the share (50 %+1), not merely reach it
     */
    @Serdeable
    record CategoryBody(
            @NotBlank @Pattern(regexp = "[a-z0-9-]{2,40}") String code,
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Pattern(regexp = "[A-Z]{3}") String currency,
            @NotNull @Positive Long capMinor,
            @NotNull @PositiveOrZero Long perAttendeePerDayMinor,
            @Nullable @Size(max = 20) List<@NotBlank @Size(max = 100) String> requiredAttachments,
            boolean paused,
            @NotBlank @Size(max = 64) String fundCode,
            @NotNull Basis basis,
            @NotNull @Min(0) Integer thresholdNumerator,
            @NotNull @Positive Integer thresholdDenominator,
            boolean strictlyMore,
            @Min(0) @Max(100) int quorumPercent,
            @NotNull @Min(1) @Max(365) Integer voteDays,
            @NotNull @Min(0) @Max(365) Integer discussionDays,
            @NotNull @Min(1) @Max(365) Integer moreInfoWaitDays,
            boolean fastTrack,
            @Min(0) @Max(20) int fastTrackYearsFunded,
            @PositiveOrZero long fastTrackMaxAmountMinor,
            @Min(0) @Max(1000) int fastTrackMaxIncreasePercent,
            @Min(0) @Max(365) int fastTrackObjectionDays,
            @NotNull @Positive Long organisationYearlyCapMinor,
            boolean milestoneGrant) {

        static CategoryBody of(GrantCategory c) {
            VotingRule rule = c.votingRule();
            FastTrackRule ft = c.fastTrack();
            return new CategoryBody(
                    c.code(),
                    c.name(),
                    c.currency(),
                    c.capMinor(),
                    c.perAttendeePerDayMinor(),
                    c.requiredAttachments(),
                    c.paused(),
                    c.fundCode(),
                    rule.basis(),
                    rule.numerator(),
                    rule.denominator(),
                    rule.strictlyMore(),
                    rule.quorumPercent(),
                    c.voteDays(),
                    c.discussionDays(),
                    c.moreInfoWaitDays(),
                    ft.enabled(),
                    ft.yearsFunded(),
                    ft.maxAmountMinor(),
                    ft.maxIncreasePercent(),
                    ft.objectionDays(),
                    c.organisationYearlyCapMinor(),
                    c.milestoneGrant());
        }

        GrantCategory toCategory() {
            return new GrantCategory(
                    code,
                    name,
                    currency,
                    capMinor,
                    perAttendeePerDayMinor,
                    requiredAttachments,
                    paused,
                    fundCode,
                    new VotingRule(basis, thresholdNumerator, thresholdDenominator, strictlyMore, quorumPercent, false),
                    voteDays,
                    discussionDays,
                    moreInfoWaitDays,
                    new FastTrackRule(
                            fastTrack,
                            fastTrackYearsFunded,
                            fastTrackMaxAmountMinor,
                            fastTrackMaxIncreasePercent,
                            fastTrackObjectionDays),
                    organisationYearlyCapMinor,
                    milestoneGrant);
        }
    }
}
