package org.endow.donations.giving.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What the donor chose beside the amount and the fund.
 *
 * @param contact who gave (absent only on pledges recorded before contacts were kept)
 * @param frequency once or monthly
 * @param dedication "in honour of ..." text, if any
 * @param recognition consent to public recognition, anonymity, display name
 */
public record GiftOptions(DonorContact contact, Frequency frequency, String dedication, Recognition recognition) {

    public static final int MAX_DEDICATION = 200;

    public GiftOptions {
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(recognition, "recognition");
        if (dedication != null && dedication.isBlank()) {
            dedication = null;
        }
        if (dedication != null && dedication.length() > MAX_DEDICATION) {
            throw new IllegalArgumentException("a dedication is at most " + MAX_DEDICATION + " characters");
        }
    }

    /** A one-time gift with no dedication and no public recognition. */
    public static GiftOptions oneTime(DonorContact contact) {
        return new GiftOptions(contact, Frequency.ONE_TIME, null, Recognition.NONE);
    }

    public Optional<DonorContact> contactIfKnown() {
        return Optional.ofNullable(contact);
    }

    public Optional<String> dedicationIfAny() {
        return Optional.ofNullable(dedication);
    }
}
