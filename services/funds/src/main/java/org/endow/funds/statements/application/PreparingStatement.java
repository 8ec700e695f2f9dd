package org.endow.funds.statements.application;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.endow.funds.items.model.FundedItem;
import org.endow.funds.items.model.FundedItems;
import org.endow.funds.ledger.model.Account;
import org.endow.funds.ledger.model.Journal;
import org.endow.funds.ledger.model.JournalEntry;
import org.endow.funds.ledger.model.LedgerFilter;
import org.endow.funds.ledger.model.Posting;
import org.endow.kernel.HumanTime;
import org.endow.platform.problem.Problem;
import org.endow.platform.problem.ProblemException;

/** An item's statement for a period: opening figures, every entry of the period, closing figures. */
@Singleton
public class PreparingStatement {

    private final FundedItems items;
    private final Journal journal;
    private final int maxLines;

    /** @param maxLines the most entries one statement lists (1 to 10,000) */
    PreparingStatement(
            FundedItems items, Journal journal, @Value("${endow.funds.statement-max-lines:10000}") int maxLines) {
        if (maxLines < 1 || maxLines > 10_000) {
            throw new IllegalArgumentException("endow.funds.statement-max-lines must be 1 to 10000, not " + maxLines);
        }
        this.items = items;
        this.journal = journal;
        this.maxLines = maxLines;
    }

    /**
     * Every entry of the period, or a refusal: a statement whose lines stop short of its closing figures would not
     * add up, so a period with more entries than one statement lists is refused with a request for a shorter one.
     * The opening and closing figures are the ledger's balances at the period's ends; the entries are read in the
     * same snapshot (repeatable read), so they add up to them.
     */
    @Transactional(readOnly = true, isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
    public Statement statement(String code, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw ProblemException.invalidField("to", "must be after from");
        }
        FundedItem item =
                items.find(code).orElseThrow(() -> ProblemException.notFound("No funded item '" + code + "'"));
        String currency = item.target().currencyCode();
        LedgerFilter period = new LedgerFilter(code, null, from, to, maxLines);
        long count = journal.count(period);
        if (count > maxLines) {
            String most = NumberFormat.getIntegerInstance(Locale.US).format(maxLines);
            throw new ProblemException(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "Too many entries for one statement",
                    item.code() + " has "
                            + NumberFormat.getIntegerInstance(Locale.US).format(count)
                            + " entries from " + HumanTime.DOCUMENT_DAY.format(from) + " to "
                            + HumanTime.DOCUMENT_DAY.format(to.minusSeconds(1)) + "; a statement lists every entry of"
                            + " its period, at most " + most + ": ask for a shorter period",
                    List.of(new Problem.FieldError(
                            "to", "ask for a shorter period: a statement lists at most " + most + " entries")));
        }
        Figures opening = Figures.of(journal.balancesBefore(code, currency, from));
        List<Line> lines = new ArrayList<>();
        Figures running = opening;
        for (JournalEntry entry : journal.entries(period)) {
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
        Figures closing = Figures.of(journal.balancesBefore(code, currency, to));
        return new Statement(item, from, to, opening, lines, closing);
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
