package org.endow.funds.statements.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.endow.funds.ledger.model.Journal;
import org.endow.funds.ledger.model.JournalEntry;
import org.endow.funds.ledger.model.LedgerFilter;
import org.endow.funds.ledger.model.Posting;
import org.endow.funds.ledger.model.Side;
import org.endow.funds.staff.model.AuditTrail;
import org.endow.funds.statements.application.ExportingLedger;
import org.endow.funds.statements.application.PreparingStatement;
import org.endow.kernel.CsvCell;
import org.endow.platform.problem.Problem;
import org.endow.platform.problem.ProblemException;
import org.endow.platform.security.Roles;

/** Staff: the ledger with filters, the journal of a period as CSV, an item's statement as a PDF, and the audit trail. */
@Controller("/api/funds")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.STAFF)
class LedgerController {

    private final Journal journal;
    private final PreparingStatement statements;
    private final ExportingLedger exports;
    private final StatementPdf pdf;
    private final AuditTrail audit;
    private final Clock clock;

    LedgerController(
            Journal journal,
            PreparingStatement statements,
            ExportingLedger exports,
            StatementPdf pdf,
            AuditTrail audit,
            Clock clock) {
        this.journal = journal;
        this.statements = statements;
        this.exports = exports;
        this.pdf = pdf;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param from first day (UTC, inclusive), {@code yyyy-MM-dd}
     * @param to last day (UTC, inclusive), {@code yyyy-MM-dd}
     */
    @Get("/ledger")
    @Transactional(readOnly = true)
    List<EntryResponse> ledger(
            @Nullable @QueryValue String fund,
            @Nullable @QueryValue String kind,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @QueryValue(defaultValue = "200") @Min(1) @Max(10000) int limit) {
        JournalEntry.EntryKind entryKind = kind(kind);
        LedgerFilter filter;
        try {
            filter = new LedgerFilter(fund, entryKind, day(from, "from", 0), day(to, "to", 1), limit);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("from", e.getMessage());
        }
        return journal.entries(filter).stream().map(EntryResponse::of).toList();
    }

    /**
     * The journal of a period for the accountants: one row per line, entry by entry in the order they occurred.
     *
     * @param from first day (UTC, inclusive), {@code yyyy-MM-dd}, required
     * @param to last day (UTC, inclusive), {@code yyyy-MM-dd}, required
     */
    @Get("/ledger.csv")
    @Produces("text/csv")
    HttpResponse<String> ledgerCsv(
            @Nullable @QueryValue String fund,
            @Nullable @QueryValue String kind,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to) {
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalDate first = requiredDay(from, "from", errors);
        LocalDate last = requiredDay(to, "to", errors);
        JournalEntry.EntryKind entryKind = null;
        try {
            entryKind = kind(kind);
        } catch (ProblemException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "Invalid request",
                    errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")),
                    errors);
        }
        StringBuilder csv = new StringBuilder(
                "entry_id,occurred_at,kind,entry_fund,description,line_no,account,fund,debit_minor,credit_minor,"
                        + "currency,source_event_id\r\n");
        for (JournalEntry entry : exports.entries(first, last, fund, entryKind)) {
            int lineNo = 1;
            for (Posting line : entry.postings()) {
                csv.append(String.join(
                                ",",
                                CsvCell.of(entry.id().toString()),
                                CsvCell.of(entry.occurredAt().toString()),
                                CsvCell.of(entry.kind().name()),
                                CsvCell.of(entry.fundCode()),
                                CsvCell.of(entry.description()),
                                CsvCell.of(Integer.toString(lineNo++)),
                                CsvCell.of(line.account().code()),
                                CsvCell.of(line.fundCode()),
                                CsvCell.of(Long.toString(
                                        line.side() == Side.DEBIT
                                                ? line.amount().minor()
                                                : 0)),
                                CsvCell.of(Long.toString(
                                        line.side() == Side.CREDIT
                                                ? line.amount().minor()
                                                : 0)),
                                CsvCell.of(line.amount().currencyCode()),
                                CsvCell.of(entry.sourceEventId().toString())))
                        .append("\r\n");
            }
        }
        return HttpResponse.ok(csv.toString())
                .contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"ledger-" + first + "-" + last + ".csv\"");
    }

    @Get("/items/{code}/statement.pdf")
    @Produces("application/pdf")
    HttpResponse<byte[]> statement(@PathVariable String code, @QueryValue String from, @QueryValue String to) {
        Instant start = day(from, "from", 0);
        Instant end = day(to, "to", 1);
        byte[] document = pdf.render(statements.statement(code, start, end), clock.instant());
        return HttpResponse.ok(document)
                .contentType(MediaType.of("application/pdf"))
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"statement-" + code + "-" + from + "-" + to + ".pdf\"");
    }

    @Get("/audit")
    @Transactional(readOnly = true)
    List<AuditResponse> audit(@QueryValue(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return audit.latest(limit).stream()
                .map(e -> new AuditResponse(e.actor(), e.action(), e.target(), e.details(), e.at()))
                .toList();
    }

    @Serdeable
    record AuditResponse(String actor, String action, String target, String details, Instant at) {}

    private static JournalEntry.EntryKind kind(String kind) {
        if (kind == null) {
            return null;
        }
        try {
            return JournalEntry.EntryKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(
                    "kind", "one of " + java.util.Arrays.toString(JournalEntry.EntryKind.values()));
        }
    }

    private static LocalDate requiredDay(String value, String field, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new Problem.FieldError(field, "is required, a date like 2026-11-30"));
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "must be a date like 2026-11-30"));
            return null;
        }
    }

    private static Instant day(String value, String field, int plusDays) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value)
                    .plusDays(plusDays)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be a date like 2026-11-30");
        }
    }

    @Serdeable
    record LineResponse(String account, String fundCode, long debitMinor, long creditMinor, String currency) {}

    @Serdeable
    record EntryResponse(
            String id,
            String sourceEventId,
            String kind,
            String fundCode,
            String description,
            Instant occurredAt,
            List<LineResponse> lines) {
        static EntryResponse of(JournalEntry e) {
            return new EntryResponse(
                    e.id().toString(),
                    e.sourceEventId().toString(),
                    e.kind().name(),
                    e.fundCode(),
                    e.description(),
                    e.occurredAt(),
                    e.postings().stream()
                            .map(p -> new LineResponse(
                                    p.account().code(),
                                    p.fundCode(),
                                    p.side() == org.endow.funds.ledger.model.Side.DEBIT
                                            ? p.amount().minor()
                                            : 0,
                                    p.side() == org.endow.funds.ledger.model.Side.CREDIT
                                            ? p.amount().minor()
                                            : 0,
                                    p.amount().currencyCode()))
                            .toList());
        }
    }
}
