package org.endow.grants.policy.model;

import java.util.Map;

/**
 * When a proposal may skip the committee vote: a written resolution with an objection window. The PSF
 * charter: events funded in each of the last 3 years, asking at most $2,500 and at most 10 % more than
 * last time, one week for objections.
 *
 * @param enabled whether the category has a fast track at all
 * @param yearsFunded the event must have been funded in each of this many previous years
 * @param maxAmountMinor the most a fast-tracked proposal may ask
 * @param maxIncreasePercent how much more than last year's award it may ask
 * @param objectionDays how long working-group members may object
 */
public record FastTrackRule(
        boolean enabled, int yearsFunded, long maxAmountMinor, int maxIncreasePercent, int objectionDays) {

    public FastTrackRule {
        if (yearsFunded < 0 || maxAmountMinor < 0 || maxIncreasePercent < 0 || objectionDays < 0) {
            throw new IllegalArgumentException("fast-track conditions cannot be negative");
        }
    }

    public static FastTrackRule none() {
        return new FastTrackRule(false, 0, 0, 0, 0);
    }

    /**
     * Whether a proposal asking {@code amountMinor} qualifies, given what the same event was awarded in
     * earlier years (year → amount awarded).
     *
     * @return empty when it qualifies, else why not
     */
    public java.util.Optional<String> refusal(long amountMinor, int thisYear, Map<Integer, Long> awardedByYear) {
        if (!enabled) {
            return java.util.Optional.of("this category has no fast track");
        }
        if (amountMinor > maxAmountMinor) {
            return java.util.Optional.of("asks more than the fast-track limit of " + maxAmountMinor + " (minor units)");
        }
        for (int year = thisYear - yearsFunded; year < thisYear; year++) {
            if (!awardedByYear.containsKey(year)) {
                return java.util.Optional.of("the event was not funded in " + year);
            }
        }
        Long last = awardedByYear.get(thisYear - 1);
        if (last != null && amountMinor * 100 > last * (100L + maxIncreasePercent)) {
            return java.util.Optional.of(
                    "asks more than " + maxIncreasePercent + " % above last year's " + last + " (minor units)");
        }
        return java.util.Optional.empty();
    }
}
