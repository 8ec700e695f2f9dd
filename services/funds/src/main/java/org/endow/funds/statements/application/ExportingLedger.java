package org.endow.funds.statements.application;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.endow.funds.ledger.model.Journal;
import org.endow.funds.ledger.model.JournalEntry;
import org.endow.funds.ledger.model.LedgerFilter;
import org.endow.platform.problem.Problem;
import org.endow.platform.problem.ProblemException;

/**
 * The whole journal of a period (UTC days, both inclusive) for the accountants, every entry with every line, in
 * the order the entries occurred. A period longer than {@code endow.funds.ledger-export-max-days} (366), or with more
 * entries than {@code endow.funds.ledger-export-max-entries} (10,000) is refused with a 422 asking for a shorter one:
 * a file that stops short of its period would not add up, so none is cut.
 */
@Singleton
public class ExportingLedger {

    private final Journal journal;
    private final int maxDays;
    private final int maxEntries;

    /**
     * @param maxDays the longest period one file covers, in days (1 to 3,660)
     * @param maxEntries the most entries one file lists (1 to 10,000)
     */
    ExportingLedger(
            Journal journal,
            @Value("${endow.funds.ledger-export-max-days:366}") int maxDays,
            @Value("${endow.funds.ledger-export-max-entries:10000}") int maxEntries) {
        if (maxDays < 1 || maxDays > 3_660) {
            throw new IllegalArgumentException("endow.funds.ledger-export-max-days must be 1 to 3660, not " + maxDays);
        }
        if (maxEntries < 1 || maxEntries > 10_000) {
            throw new IllegalArgumentException(
                    "endow.funds.ledger-export-max-entries must be 1 to 10000, not " + maxEntries);
        }
        this.journal = journal;
        this.maxDays = maxDays;
        this.maxEntries = maxEntries;
    }

    /**
     * The entries of the period, oldest first, read in one snapshot (the count that allows them and the entries are
     * the same).
     *
     * @param from first day, inclusive; null when the request named none or an invalid one (reported by the caller)
     * @param to last day, inclusive
     * @param fundCode only entries with a line of this fund, or null for all
     * @param kind only entries of this kind, or null for all
     */
    @Transactional(readOnly = true, isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
    public List<JournalEntry> entries(LocalDate from, LocalDate to, String fundCode, JournalEntry.EntryKind kind) {
        if (to.isBefore(from)) {
            throw ProblemException.invalidField("to", "must be on or after from (" + from + ")");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > maxDays) {
            throw ProblemException.invalidField(
                    "to", "a period is at most " + maxDays + " days; this one is " + days + ": ask for a shorter one");
        }
        LedgerFilter period = new LedgerFilter(
                fundCode,
                kind,
                from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                maxEntries);
        long count = journal.count(period);
        if (count > maxEntries) {
            NumberFormat format = NumberFormat.getIntegerInstance(Locale.US);
            String most = format.format(maxEntries);
            throw new ProblemException(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "Too many entries for one file",
                    "The ledger has " + format.format(count) + " entries from " + from + " to " + to
                            + "; a file lists every entry of its period, at most " + most
                            + ": ask for a shorter period",
                    List.of(new Problem.FieldError(
                            "to", "ask for a shorter period: a file lists at most " + most + " entries")));
        }
        return journal.entries(period);
    }
}
