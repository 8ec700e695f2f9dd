package org.endow.funds.staff.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.endow.funds.items.model.FundedItem;
import org.endow.funds.items.model.FundedItems;
import org.endow.funds.ledger.model.Journal;
import org.endow.funds.ledger.model.JournalEntry;
import org.endow.funds.reservations.application.Availability;
import org.endow.funds.staff.model.AuditTrail;
import org.endow.kernel.Money;
import org.endow.kernel.TimeOrderedIds;
import org.endow.platform.problem.ProblemException;

/**
 * Staff move raised money from one fund to another, typically from the general fund to an item
 * that needs it, with a reason; audited. Only money that is raised and not reserved can move.
 */
@Singleton
public class TransferringFunds {

    private final FundedItems items;
    private final Journal journal;
    private final Availability availability;
    private final AuditTrail audit;
    private final Clock clock;

    TransferringFunds(FundedItems items, Journal journal, Availability availability, AuditTrail audit, Clock clock) {
        this.items = items;
        this.journal = journal;
        this.availability = availability;
        this.audit = audit;
        this.clock = clock;
    }

    /** @return true when the transfer was made now, false when the same request was made before */
    @Transactional
    public boolean transfer(TransferCommand command) {
        if (command.reason() == null || command.reason().isBlank()) {
            throw ProblemException.invalidField("reason", "a transfer needs a reason for the audit trail");
        }
        if (command.fromFund().equals(command.toFund())) {
            throw ProblemException.invalidField("toFund", "must differ from fromFund");
        }
        Money amount;
        try {
            amount = Money.of(command.amountMinor(), command.currency());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("currency", e.getMessage());
        }
        if (!amount.isPositive()) {
            throw ProblemException.invalidField("amountMinor", "must be greater than 0");
        }
        // lock both rows in a fixed order, so that two transfers in opposite directions cannot deadlock
        String first = command.fromFund().compareTo(command.toFund()) < 0 ? command.fromFund() : command.toFund();
        String second = first.equals(command.fromFund()) ? command.toFund() : command.fromFund();
        FundedItem a = items.lock(first).orElseThrow(() -> unknown(first, command));
        FundedItem b = items.lock(second).orElseThrow(() -> unknown(second, command));
        FundedItem to = a.code().equals(command.toFund()) ? a : b;
        if (to.status() == FundedItem.Status.CLOSED) {
            throw ProblemException.invalidField("toFund", "'" + to.code() + "' is closed");
        }
        for (FundedItem item : new FundedItem[] {a, b}) {
            if (!item.target().currencyCode().equals(amount.currencyCode())) {
                throw ProblemException.invalidField(
                        "currency",
                        "'" + item.code() + "' is kept in " + item.target().currencyCode());
            }
        }
        Money available = availability.available(command.fromFund(), amount.currencyCode());
        if (amount.compareTo(available) > 0) {
            throw ProblemException.invalidField(
                    "amountMinor", "only " + available + " is available in '" + command.fromFund() + "'");
        }
        UUID commandId = command.idempotencyKey() == null
                ? TimeOrderedIds.next()
                : UUID.nameUUIDFromBytes(("transfer:" + command.staffId() + ":" + command.idempotencyKey())
                        .getBytes(StandardCharsets.UTF_8));
        Instant now = clock.instant();
        boolean made = journal.append(
                JournalEntry.transfer(commandId, command.fromFund(), command.toFund(), amount, command.reason(), now));
        if (made) {
            audit.record(
                    command.staffId(),
                    "funds.transferred",
                    command.fromFund() + " -> " + command.toFund(),
                    amount + ": " + command.reason(),
                    now);
        }
        return made;
    }

    private static ProblemException unknown(String code, TransferCommand command) {
        return ProblemException.invalidField(
                code.equals(command.fromFund()) ? "fromFund" : "toFund", "no funded item '" + code + "'");
    }
}
