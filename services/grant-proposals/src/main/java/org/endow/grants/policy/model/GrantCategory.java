package org.endow.grants.policy.model;

import java.util.List;
import java.util.Objects;
import org.endow.kernel.voting.VotingRule;

/**
 * One kind of grant and the rules it is decided under, kept as data that staff change. A proposal
 * copies the category when it is submitted, so that a later change never alters a decision taken.
 *
 * @param code a stable key, e.g. {@code sprint}
 * @param name what people read
 * @param currency ISO 4217 code of every amount here
 * @param capMinor the most one proposal may ask
 * @param perAttendeePerDayMinor the guideline (not a limit) for events: per attendee and day; 0 for none
 * @param requiredAttachments what the applicant must attach (names, e.g. "budget", "code of conduct")
 * @param paused no new proposals while true
 * @param fundCode the funded item the category's grants draw on
 * @param votingRule how the working group's vote is decided
 * @param voteDays how long a vote stays open (it closes earlier once everyone has voted)
 * @param discussionDays how many business days (Monday to Friday) the working group discusses before the vote
 * @param moreInfoWaitDays after this long without an answer to "more information, please" the proposal closes
 * @param fastTrack when the vote may be skipped
 * @param organisationYearlyCapMinor the most one organisation may receive per calendar year, all categories
 * @param milestoneGrant whether the applicant plans the payment as milestones (development work)
 */
public record GrantCategory(
        String code,
        String name,
        String currency,
        long capMinor,
        long perAttendeePerDayMinor,
        List<String> requiredAttachments,
        boolean paused,
        String fundCode,
        VotingRule votingRule,
        int voteDays,
        int discussionDays,
        int moreInfoWaitDays,
        FastTrackRule fastTrack,
        long organisationYearlyCapMinor,
        boolean milestoneGrant) {

    public GrantCategory {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(fundCode, "fundCode");
        Objects.requireNonNull(votingRule, "votingRule");
        requiredAttachments = List.copyOf(requiredAttachments == null ? List.of() : requiredAttachments);
        fastTrack = fastTrack == null ? FastTrackRule.none() : fastTrack;
        if (!code.matches("[a-z0-9-]{2,40}")) {
            throw new IllegalArgumentException("a category code is 2-40 lower-case letters, digits or dashes");
        }
        if (capMinor <= 0 || perAttendeePerDayMinor < 0 || organisationYearlyCapMinor <= 0) {
            throw new IllegalArgumentException("caps must be positive");
        }
        if (voteDays <= 0 || discussionDays < 0 || moreInfoWaitDays <= 0) {
            throw new IllegalArgumentException("the vote window and the wait must be at least a day");
        }
    }

    public GrantCategory paused(boolean value) {
        return new GrantCategory(
                code,
                name,
                currency,
                capMinor,
                perAttendeePerDayMinor,
                requiredAttachments,
                value,
                fundCode,
                votingRule,
                voteDays,
                discussionDays,
                moreInfoWaitDays,
                fastTrack,
                organisationYearlyCapMinor,
                milestoneGrant);
    }

    public GrantCategory withRule(VotingRule rule) {
        return new GrantCategory(
                code,
                name,
                currency,
                capMinor,
                perAttendeePerDayMinor,
                requiredAttachments,
                paused,
                fundCode,
                rule,
                voteDays,
                discussionDays,
                moreInfoWaitDays,
                fastTrack,
                organisationYearlyCapMinor,
                milestoneGrant);
    }
}
