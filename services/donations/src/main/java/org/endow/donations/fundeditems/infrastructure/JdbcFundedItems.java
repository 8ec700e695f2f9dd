package org.endow.donations.fundeditems.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.endow.donations.fundeditems.model.FundedItem;
import org.endow.donations.fundeditems.model.FundedItems;

@Singleton
class JdbcFundedItems implements FundedItems {

    private static final String COLUMNS = "code, title, kind, target_minor, currency, status";

    private final JdbcOperations jdbc;

    JdbcFundedItems(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(FundedItem item) {
        jdbc.prepareStatement(
                "insert into funded_item (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?) on conflict (code) do update set"
                        + " title = excluded.title, kind = excluded.kind, target_minor = excluded.target_minor,"
                        + " currency = excluded.currency, status = excluded.status, updated_at = now()",
                statement -> {
                    statement.setString(1, item.code());
                    statement.setString(2, item.title());
                    statement.setString(3, item.kind());
                    statement.setLong(4, item.targetMinor());
                    statement.setString(5, item.currency());
                    statement.setString(6, item.status());
                    return statement.executeUpdate();
                });
    }

    @Override
    public Optional<FundedItem> find(String code) {
        return jdbc.prepareStatement("select " + COLUMNS + " from funded_item where code = ?", statement -> {
            statement.setString(1, code);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        });
    }

    @Override
    public List<FundedItem> all() {
        return jdbc.prepareStatement("select " + COLUMNS + " from funded_item order by code", statement -> {
            List<FundedItem> items = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    items.add(map(rs));
                }
            }
            return items;
        });
    }

    private static FundedItem map(ResultSet rs) throws SQLException {
        return new FundedItem(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getString(5).trim(),
                rs.getString(6));
    }
}
