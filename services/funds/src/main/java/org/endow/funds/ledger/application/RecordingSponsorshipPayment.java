package org.endow.funds.ledger.application;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.endow.events.EventEnvelope;
import org.endow.events.EventType;
import org.endow.events.sponsorships.v1.SponsorshipEvents;
import org.endow.events.sponsorships.v1.SponsorshipPaid;
import org.endow.funds.items.model.FundedItem;
import org.endow.funds.items.model.FundedItems;
import org.endow.funds.ledger.model.Journal;
import org.endow.funds.ledger.model.JournalEntry;
import org.endow.kernel.Money;
import org.endow.platform.messaging.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A paid sponsorship lands in the ledger split as the sponsor-tiers service split the fee by
 * program: each program's part goes to the funded item that program's money is restricted to
 * ({@code endow.funds.program-items.<program>=<item code>}, e.g. {@code packaging=packaging}), the
 * rest to the general fund, and so does a share whose item is unknown, closed or kept in another currency than the
 * payment's. Applied once per event.
 */
@Singleton
public class RecordingSponsorshipPayment implements EventHandler<SponsorshipPaid> {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingSponsorshipPayment.class);
    static final String GENERAL = "general";

    /** @param programItems program code → funded item code; a program not named goes to {@code general} */
    @ConfigurationProperties("endow.funds")
    public record ProgramItems(
            @io.micronaut.core.annotation.Nullable Map<String, String> programItems) {}

    private final Journal journal;
    private final FundedItems items;
    private final ProgramItems mapping;

    RecordingSponsorshipPayment(Journal journal, FundedItems items, ProgramItems mapping) {
        this.journal = journal;
        this.items = items;
        this.mapping = mapping;
    }

    @Override
    public EventType<SponsorshipPaid> eventType() {
        return SponsorshipEvents.SPONSORSHIP_PAID;
    }

    @Override
    public String consumerName() {
        return "funds.ledger";
    }

    @Override
    public void handle(EventEnvelope<SponsorshipPaid> event) {
        SponsorshipPaid paid = event.payload();
        Map<String, Money> parts = new LinkedHashMap<>();
        long total = 0;
        for (SponsorshipPaid.ProgramShare share : paid.split()) {
            String item = itemFor(share.programCode(), paid.currency());
            parts.merge(item, Money.of(share.amountMinor(), paid.currency()), Money::plus);
            total = Math.addExact(total, share.amountMinor());
        }
        if (total != paid.amountMinor()) {
            throw new IllegalStateException("the split of sponsorship " + paid.sponsorshipId() + " adds up to " + total
                    + ", not the fee " + paid.amountMinor());
        }
        JournalEntry entry = JournalEntry.sponsorshipPaid(
                event.eventId(), paid.sponsorshipId(), paid.organisation(), parts, paid.paidAt());
        if (!journal.append(entry)) {
            LOG.info("Sponsorship payment {} was already in the journal", event.eventId());
        }
    }

    private String itemFor(String program, String currency) {
        String code =
                mapping.programItems() == null ? null : mapping.programItems().get(program);
        if (code == null) {
            return GENERAL;
        }
        // a mapping to an item that does not exist, is closed, or keeps another currency than the payment's sends
        // the money to the general fund, loudly
        FundedItem item = items.find(code).orElse(null);
        String unfit = item == null ? "unknown funded item " + code : unfit(item, currency);
        if (unfit != null) {
            LOG.warn("Program {} maps to {}: its share goes to the general fund", program, unfit);
            return GENERAL;
        }
        return code;
    }

    /** @return why the item cannot take a share paid in {@code currency}, or null when it can */
    private static String unfit(FundedItem item, String currency) {
        if (item.status() == FundedItem.Status.CLOSED) {
            return "closed funded item " + item.code();
        }
        String kept = item.target().currencyCode();
        if (!kept.equals(currency)) {
            return "funded item " + item.code() + " kept in " + kept + ", not the payment's " + currency;
        }
        return null;
    }
}
