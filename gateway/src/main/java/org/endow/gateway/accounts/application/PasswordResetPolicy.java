package org.endow.gateway.accounts.application;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * @param portalUrl where the portal is, as people reach it: reset links are built on it, never on a request's Host
 *     header (which anyone can write, and would send the token to their own site)
 * @param validFor how long a reset link works
 * @param maxPerHour links sent for one account in an hour at most; more requests are answered alike and send none
 */
public record PasswordResetPolicy(URI portalUrl, Duration validFor, int maxPerHour) {

    public PasswordResetPolicy {
        Objects.requireNonNull(portalUrl);
        Objects.requireNonNull(validFor);
        if (validFor.isNegative() || validFor.isZero()) {
            throw new IllegalArgumentException("a reset link must be valid for a while: " + validFor);
        }
    }

    URI link(String token) {
        String base = portalUrl.toString().replaceAll("/+$", "");
        return URI.create(base + "/password/reset?token=" + token);
    }
}
