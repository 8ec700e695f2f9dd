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
        // income by the month it arrived and the kind of entry that brought it, kept as lines arrive (V9)
        return jdbc.prepareStatement(
                "select to_char(month, 'YYYY-MM'), source, amount_minor, currency from income_by_month"
                        + " where month >= (date_trunc('month', now() at time zone 'UTC') - make_interval(months => ?))::date"
                        + " order by 1, 2",
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
