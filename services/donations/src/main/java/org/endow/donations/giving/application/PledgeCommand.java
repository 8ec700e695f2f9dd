package org.endow.donations.giving.application;

import org.endow.donations.giving.model.DonorId;

/**
 * A donor's pledge as it arrived, still unchecked against the policy.
 *
 * @param donor the signed-in donor, {@code null} for a guest on the public donate page
 * @param donorName the donor's name (from the account, or typed in by a guest)
 * @param donorEmail the donor's email (likewise)
 * @param frequency {@code ONE_TIME} (default when {@code null}) or {@code MONTHLY}
 * @param dedication "in honour of ..." text, or {@code null}
 * @param recognition the recognition choice; {@code null} means no public recognition
 * @param idempotencyKey the client's key; the same key from the same donor yields the same donation
 */
public record PledgeCommand(
        DonorId donor,
        String donorName,
        String donorEmail,
        long amountMinor,
        String currency,
        String fundCode,
        String method,
        String frequency,
        String dedication,
        RecognitionChoice recognition,
        String idempotencyKey) {

    /** A signed-in donor's one-time pledge with no dedication and no public recognition. */
    public static PledgeCommand oneTime(
            DonorId donor,
            String donorName,
            String donorEmail,
            long amountMinor,
            String currency,
            String fundCode,
            String method,
            String idempotencyKey) {
        return new PledgeCommand(
                donor,
                donorName,
                donorEmail,
                amountMinor,
                currency,
                fundCode,
                method,
                null,
                null,
                null,
                idempotencyKey);
    }

    /** Public recognition as the donor asked for it. */
    public record RecognitionChoice(boolean consent, boolean anonymous, String displayName) {}
}
