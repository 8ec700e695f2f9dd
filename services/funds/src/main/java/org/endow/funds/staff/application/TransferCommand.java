package org.endow.funds.staff.application;

/**
 * @param idempotencyKey the client's key: the same key from the same person makes one transfer
 */
public record TransferCommand(
        String staffId,
        String fromFund,
        String toFund,
        long amountMinor,
        String currency,
        String reason,
        String idempotencyKey) {}
