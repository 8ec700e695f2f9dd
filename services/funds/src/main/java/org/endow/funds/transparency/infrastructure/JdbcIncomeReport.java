package org.endow.funds.transparency.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.endow.funds.transparency.model.IncomeLine;
import org.endow.funds.transparency.model.IncomeReport;

@Singleton
class JdbcIncomeReport implements IncomeReport {

    private final JdbcOperations jdbc;

    JdbcIncomeReport(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<IncomeLine> incomeByMonth(int months) {
        // income by the month it arrived and the kind of entry that brought it
        return jdbc.prepareStatement(
                "select to_char(date_trunc('month', e.occurred_at at time zone 'UTC'), 'YYYY-MM'),"
                        + " case e.kind when 'DONATION_RECEIVED' then 'donations' when 'IN_KIND' then 'in-kind'"
                        + " when 'SPONSORSHIP_PAID' then 'sponsorships'"
                        + " else lower(e.kind) end,"
                        + " sum(l.debit_minor), l.currency"
                        + " from journal_entry e join journal_line l on l.entry_id = e.id"
                        // money coming in: cash and in-kind debits; a transfer between funds is not income
                        + " where l.account in ('cash', 'in-kind') and l.debit_minor > 0 and e.kind <> 'TRANSFER'"
                        + " and e.occurred_at >= date_trunc('month', now() at time zone 'UTC') - make_interval(months => ?)"
                        + " group by 1, 2, 4 order by 1, 2",
                statement -> {
                    statement.setInt(1, months - 1);
                    List<IncomeLine> lines = new ArrayList<>();
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            lines.add(new IncomeLine(
                                    YearMonth.parse(rs.getString(1)),
                                    rs.getString(2),
                                    rs.getLong(3),
                                    rs.getString(4).trim()));
                        }
                    }
                    return lines;
                });
    }
}
