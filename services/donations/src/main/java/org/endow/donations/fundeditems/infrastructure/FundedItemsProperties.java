package org.endow.donations.fundeditems.infrastructure;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code endow.donations.funded-items.*} (e.g. {@code ENDOW_DONATIONS_FUNDED_ITEMS_CACHE_FOR}).
 *
 * @param cacheFor how long this instance answers from its copy of the funded items (every pledge checks its item)
 *     before reading them again; a change this instance applies is seen at once, one applied by another instance
 *     of the service within this time. {@code 0s} reads the table every time.
 */
@ConfigurationProperties("endow.donations.funded-items")
record FundedItemsProperties(@Bindable(defaultValue = "2s") Duration cacheFor) {}
