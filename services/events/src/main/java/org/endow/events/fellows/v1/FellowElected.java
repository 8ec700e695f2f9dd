package org.endow.events.fellows.v1;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * A nominee elected by the Fellow Work Group accepted the honour and is on the public roster. Other
 * services may use it (e.g. recognition). Published when the Fellow accepts, not at the vote: a
 * person is a Fellow once they said yes and chose how their name appears.
 *
 * @param nomineeId the nominee (also the aggregate id)
 * @param name the name as the Fellow wants it shown
 * @param cycle the review cycle that elected them, e.g. {@code 2026-Q4}
 * @param links public profiles (GitHub, web site)
 * @param acceptedAt when they accepted
 */
@Serdeable
public record FellowElected(String nomineeId, String name, String cycle, List<String> links, Instant acceptedAt) {}
