package org.endow.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.endow.events.donations.v1.DonationEvents;
import org.endow.events.fellows.v1.FellowEvents;
import org.endow.events.funds.v1.FundEvents;
import org.endow.events.grants.v1.GrantEvents;
import org.endow.events.sponsorships.v1.SponsorshipEvents;

/** Every integration event Endow knows, for lookup by wire name and version. */
public final class EventCatalog {

    public static final List<EventType<?>> ALL = List.of(
            DonationEvents.DONATION_PLEDGED,
            DonationEvents.DONATION_RECEIVED,
            DonationEvents.DONATION_REFUNDED,
            DonationEvents.DONATION_DISPUTED,
            DonationEvents.RECURRING_DONATION_STARTED,
            DonationEvents.RECURRING_DONATION_CANCELLED,
            DonationEvents.DONATION_RECOGNITION_CHANGED,
            FundEvents.FUNDED_ITEM_PUBLISHED,
            FundEvents.FUNDS_RESERVED,
            FundEvents.FUNDS_UNAVAILABLE,
            FundEvents.FUNDS_RELEASED,
            GrantEvents.GRANT_APPROVAL_REQUESTED,
            GrantEvents.GRANT_WITHDRAWN,
            GrantEvents.GRANT_DISBURSED,
            SponsorshipEvents.SPONSORSHIP_PAID,
            FellowEvents.FELLOW_ELECTED);

    private static final Map<String, EventType<?>> BY_QUALIFIED_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::qualifiedName, Function.identity()));

    private EventCatalog() {}

    public static Optional<EventType<?>> find(String name, int version) {
        return Optional.ofNullable(BY_QUALIFIED_NAME.get(name + ".v" + version));
    }
}
