package org.endow.funds.statements.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
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
import java.util.List;
import org.endow.funds.ledger.model.Journal;
import org.endow.funds.ledger.model.JournalEntry;
import org.endow.funds.ledger.model.LedgerFilter;
import org.endow.funds.staff.model.AuditTrail;
import org.endow.funds.statements.application.PreparingStatement;
import org.endow.platform.problem.ProblemException;
import org.endow.platform.security.Roles;

/** Staff: the ledger with filters, an item's statement as a PDF, and the audit trail. */
@Controller("/api/funds")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.STAFF)
class LedgerController {

    private final Journal journal;
    private final PreparingStatement statements;
    private final StatementPdf pdf;
    private final AuditTrail audit;
    private final Clock clock;

    LedgerController(Journal journal, PreparingStatement statements, StatementPdf pdf, AuditTrail audit, Clock clock) {
        this.journal = journal;
        this.statements = statements;
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
        JournalEntry.EntryKind entryKind = null;
        if (kind != null) {
            try {
                entryKind = JournalEntry.EntryKind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField(
                        "kind", "one of " + java.util.Arrays.toString(JournalEntry.EntryKind.values()));
            }
        }
        LedgerFilter filter;
        try {
            filter = new LedgerFilter(fund, entryKind, day(from, "from", 0), day(to, "to", 1), limit);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("from", e.getMessage());
        }
        return journal.entries(filter).stream().map(EntryResponse::of).toList();
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
