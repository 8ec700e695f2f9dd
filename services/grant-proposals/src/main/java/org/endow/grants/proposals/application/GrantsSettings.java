package org.endow.grants.proposals.application;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Where the grants office is reached ({@code endow.grants.*}, env {@code ENDOW_GRANTS_STAFF_EMAIL} ...).
 *
 * @param staffEmail the grants staff's shared address (approvals, reports)
 * @param boardEmail the Board's address (deadlocked votes)
 * @param portalUrl the portal, for links in mails
 * @param maxAttachmentBytes the largest PDF an applicant may attach (the gateway takes requests up to 1 MB)
 */
@ConfigurationProperties("endow.grants")
public record GrantsSettings(
        @Bindable(defaultValue = "grants@endow.local") String staffEmail,
        @Bindable(defaultValue = "board@endow.local") String boardEmail,
        @Bindable(defaultValue = "http://localhost:8080") String portalUrl,
        @Bindable(defaultValue = "900000") long maxAttachmentBytes) {}
