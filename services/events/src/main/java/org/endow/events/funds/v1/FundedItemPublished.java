package org.endow.events.funds.v1;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A funded item was opened or changed: other services keep a local copy of what can be given to.
 *
 * @param code the item's stable code, e.g. {@code packaging}; {@code general} is the general fund
 * @param title the public title
 * @param kind {@code PROJECT}, {@code ROLE}, {@code EVENT} or {@code GENERAL}
 * @param targetMinor the funding target in minor units, 0 when there is none
 * @param currency ISO 4217 code of the target
 * @param status {@code OPEN}, {@code FUNDED} or {@code CLOSED}; only open items take gifts
 */
@Serdeable
public record FundedItemPublished(
        String code, String title, String kind, long targetMinor, String currency, String status) {}
