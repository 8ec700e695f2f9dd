package org.endow.funds.statements.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.endow.funds.items.model.FundedItem;
import org.endow.funds.items.model.FundedItems;
import org.endow.funds.ledger.model.Account;
import org.endow.funds.ledger.model.Journal;
import org.endow.funds.ledger.model.JournalEntry;
import org.endow.funds.ledger.model.LedgerFilter;
import org.endow.funds.ledger.model.Posting;
import org.endow.platform.problem.ProblemException;

/** An item's statement for a period: opening figures, every entry of the period, closing figures. */
@Singleton
public class PreparingStatement {

    static final int MAX_LINES = 10_000;

    private final FundedItems items;
    private final Journal journal;

    PreparingStatement(FundedItems items, Journal journal) {
        this.items = items;
        this.journal = journal;
    }

    @Transactional(readOnly = true)
    public Statement statement(String code, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw ProblemException.invalidField("to", "must be after from");
        }
        FundedItem item =
                items.find(code).orElseThrow(() -> ProblemException.notFound("No funded item '" + code + "'"));
        String currency = item.target().currencyCode();
        Figures opening = Figures.of(journal.balancesBefore(code, currency, from));
        List<Line> lines = new ArrayList<>();
        Figures running = opening;
        for (JournalEntry entry : journal.entries(new LedgerFilter(code, null, from, to, MAX_LINES))) {
            Figures delta = Figures.ZERO;
            for (Posting posting : entry.postings()) {
                if (posting.fundCode().equals(code)
                        && posting.amount().currencyCode().equals(currency)) {
                    delta = delta.plus(Figures.of(
                            Map.of(posting.account(), posting.signedForBalance().minor())));
                }
            }
            running = running.plus(delta);
            lines.add(new Line(entry.occurredAt(), entry.kind().name(), entry.description(), delta, running));
        }
        return new Statement(item, from, to, opening, lines, running);
    }

    /** Pledged, raised (cash) and given (the fund's balance), in minor units. */
    public record Figures(long pledged, long raised, long given) {
        static final Figures ZERO = new Figures(0, 0, 0);

        static Figures of(Map<Account, Long> balances) {
            return new Figures(
                    balances.getOrDefault(Account.PLEDGES_RECEIVABLE, 0L),
                    balances.getOrDefault(Account.CASH, 0L),
                    balances.getOrDefault(Account.FUND_BALANCE, 0L));
        }

        Figures plus(Figures other) {
            return new Figures(
                    Math.addExact(pledged, other.pledged),
                    Math.addExact(raised, other.raised),
                    Math.addExact(given, other.given));
        }
    }

    public record Line(Instant at, String kind, String description, Figures change, Figures after) {}

    public record Statement(
            FundedItem item, Instant from, Instant to, Figures opening, List<Line> lines, Figures closing) {}
}
