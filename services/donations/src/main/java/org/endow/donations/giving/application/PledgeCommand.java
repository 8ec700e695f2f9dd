package org.endow.donations.giving.application;

import org.endow.donations.giving.model.DonorId;

/**
 * A donor's pledge as it arrived, still unchecked against the policy.
 *
 * @param idempotencyKey the client's key; the same key from the same donor yields the same donation
 */
public record PledgeCommand(
        DonorId donor, long amountMinor, String currency, String fundCode, String method, String idempotencyKey) {}
