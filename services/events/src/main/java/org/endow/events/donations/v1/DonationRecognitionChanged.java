package org.endow.events.donations.v1;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A donor changed how a received gift may be recognised publicly: {@code recognition} is the new
 * choice, or absent when they withdrew their consent (the gift must no longer be shown). The funds
 * service updates the transparency page's list of recent gifts.
 *
 * @param donationId the donation (also the aggregate id)
 * @param recognition the new choice; absent: no public recognition any more
 * @param changedAt when the donor changed it
 */
@Serdeable
public record DonationRecognitionChanged(
        String donationId, @Nullable DonationReceived.Recognition recognition, Instant changedAt) {}
