package org.endow.funds.transparency.infrastructure;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.endow.funds.items.infrastructure.ItemResponse;
import org.endow.funds.ledger.application.ViewingItemBalances.ItemView;
import org.endow.funds.transparency.application.PublishingTransparency;
import org.endow.funds.transparency.application.PublishingTransparency.Transparency;
import org.endow.funds.transparency.model.IncomeLine;
import org.endow.kernel.CsvCell;

/** Public, no sign-in: how far each item is funded and where the money came from, as JSON or CSV. */
@Controller("/api/funds/transparency")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class TransparencyController {

    private final PublishingTransparency publishing;

    TransparencyController(PublishingTransparency publishing) {
        this.publishing = publishing;
    }

    @Get
    TransparencyResponse json() {
        return TransparencyResponse.of(publishing.snapshot());
    }

    /** The same figures for a spreadsheet: one row per item, then one row per month and source. */
    @Get("/export.csv")
    @Produces("text/csv")
    HttpResponse<String> csv() {
        Transparency t = publishing.snapshot();
        StringBuilder csv = new StringBuilder(
                "section,code,title,kind,currency,target_minor,pledged_minor,raised_minor,reserved_minor,available_minor,percent_of_target,month,source,amount_minor,disbursed_minor\r\n");
        for (ItemView view : t.items()) {
            var item = view.item();
            var b = view.balance();
            csv.append(String.join(
                            ",",
                            "item",
                            CsvCell.of(item.code()),
                            CsvCell.of(item.title()),
                            item.kind().name(),
                            item.target().currencyCode(),
                            Long.toString(item.target().minor()),
                            Long.toString(b.pledged().minor()),
                            Long.toString(b.raised().minor()),
                            Long.toString(b.reserved().minor()),
                            Long.toString(b.available().minor()),
                            Integer.toString(b.percentOfTarget()),
                            "",
                            "",
                            "",
                            Long.toString(b.disbursed().minor())))
                    .append("\r\n");
        }
        for (IncomeLine line : t.income()) {
            csv.append(String.join(
                            ",",
                            "income",
                            "",
                            "",
                            "",
                            line.currency(),
                            "",
                            "",
                            "",
                            "",
                            "",
                            "",
                            line.month().toString(),
                            CsvCell.of(line.source()),
                            Long.toString(line.amountMinor()),
                            ""))
                    .append("\r\n");
        }
        return HttpResponse.ok(csv.toString())
                .contentType(MediaType.of("text/csv; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"endow-transparency.csv\"");
    }

    @Serdeable
    record TransparencyResponse(
            List<ItemResponse> items,
            List<IncomeFigures> incomeByMonth,
            List<Totals> totals,
            List<RecentGift> recentGifts) {
        static TransparencyResponse of(Transparency t) {
            return new TransparencyResponse(
                    t.items().stream().map(ItemResponse::of).toList(),
                    t.income().stream()
                            .map(l ->
                                    new IncomeFigures(l.month().toString(), l.source(), l.amountMinor(), l.currency()))
                            .toList(),
                    t.totals().stream()
                            .map(r -> new Totals(
                                    r.currency(),
                                    r.restricted().minor(),
                                    r.unrestricted().minor()))
                            .toList(),
                    t.recentGifts().stream()
                            .map(g -> new RecentGift(
                                    g.shownAs(),
                                    g.fundCode(),
                                    g.amount().minor(),
                                    g.amount().currencyCode(),
                                    g.dedication(),
                                    g.receivedAt()))
                            .toList());
        }
    }

    /** A gift whose donor consented to recognition, as they asked to be shown. */
    @Serdeable
    record RecentGift(
            String shownAs,
            String fundCode,
            long amountMinor,
            String currency,
            @io.micronaut.core.annotation.Nullable String dedication,
            java.time.Instant receivedAt) {}

    /**
     * Raised in one currency, for earmarked items and for the general fund; one entry per currency,
     * never summed across currencies.
     */
    @Serdeable
    record Totals(String currency, long restrictedMinor, long unrestrictedMinor) {}

    @Serdeable
    record IncomeFigures(String month, String source, long amountMinor, String currency) {}
}
