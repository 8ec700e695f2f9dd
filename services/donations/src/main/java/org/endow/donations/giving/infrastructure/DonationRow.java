package org.endow.donations.giving.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

@MappedEntity("donation")
record DonationRow(
        @Id UUID id,
        @Nullable String donorId,
        @Nullable String donorName,
        @Nullable String donorEmail,
        String frequency,
        @Nullable String dedication,
        boolean recognitionConsent,
        boolean recognitionAnonymous,
        @Nullable String recognitionDisplayName,
        long amountMinor,
        String currency,
        String fundCode,
        String method,
        String status,
        Instant pledgedAt,
        @Nullable String idempotencyKey,
        @Nullable Instant receivedAt,
        @Nullable String receivedReference,
        long refundedMinor,
        @Nullable String disputeStatus,
        long chargedBackMinor) {}
