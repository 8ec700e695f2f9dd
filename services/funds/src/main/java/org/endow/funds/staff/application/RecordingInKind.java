package org.endow.funds.staff.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.endow.funds.items.model.FundedItem;
import org.endow.funds.items.model.FundedItems;
import org.endow.funds.ledger.model.Journal;
import org.endow.funds.ledger.model.JournalEntry;
import org.endow.funds.staff.model.AuditTrail;
import org.endow.kernel.Money;
import org.endow.kernel.TimeOrderedIds;
import org.endow.platform.problem.ProblemException;

/** Staff record a contribution in kind (a venue, travel) at its value; audited. */
@Singleton
public class RecordingInKind {

    private final FundedItems items;
    private final Journal journal;
    private final AuditTrail audit;
    private final Clock clock;

    RecordingInKind(FundedItems items, Journal journal, AuditTrail audit, Clock clock) {
        this.items = items;
        this.journal = journal;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public UUID record(String staffId, String fundCode, long valueMinor, String currency, String description) {
        FundedItem item = items.find(fundCode)
                .orElseThrow(() -> ProblemException.invalidField("fundCode", "no funded item '" + fundCode + "'"));
        if (!item.target().currencyCode().equals(currency)) {
            throw ProblemException.invalidField(
                    "currency", "'" + fundCode + "' is kept in " + item.target().currencyCode());
        }
        if (valueMinor <= 0) {
            throw ProblemException.invalidField("valueMinor", "must be greater than 0");
        }
        UUID id = TimeOrderedIds.next();
        Instant now = clock.instant();
        journal.append(JournalEntry.inKind(id, fundCode, Money.of(valueMinor, currency), description, now));
        audit.record(
                staffId, "funds.in-kind-recorded", fundCode, Money.of(valueMinor, currency) + ": " + description, now);
        return id;
    }
}
