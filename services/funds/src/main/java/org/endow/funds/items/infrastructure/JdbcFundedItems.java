package org.endow.funds.items.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.endow.funds.items.model.FundedItem;
import org.endow.funds.items.model.FundedItems;
import org.endow.kernel.Money;

@Singleton
class JdbcFundedItems implements FundedItems {

    private static final String SELECT =
            "select code, title, description, kind, target_minor, currency, status from funded_item";

    private final JdbcOperations jdbc;

    JdbcFundedItems(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<FundedItem> find(String code) {
        List<FundedItem> found = query(SELECT + " where code = ?", code);
        return found.stream().findFirst();
    }

    @Override
    public boolean add(FundedItem item) {
        return jdbc.prepareStatement(
                        "insert into funded_item (code, title, description, kind, target_minor, currency, status)"
                                + " values (?, ?, ?, ?, ?, ?, ?) on conflict (code) do nothing",
                        statement -> {
                            statement.setString(1, item.code());
                            statement.setString(2, item.title());
                            statement.setString(3, item.description());
                            statement.setString(4, item.kind().name());
                            statement.setLong(5, item.target().minor());
                            statement.setString(6, item.target().currencyCode());
                            statement.setString(7, item.status().name());
                            return statement.executeUpdate();
                        })
                == 1;
    }

    @Override
    public void update(FundedItem item) {
        jdbc.prepareStatement(
                "update funded_item set title = ?, description = ?, target_minor = ?, status = ?,"
                        + " version = version + 1 where code = ?",
                statement -> {
                    statement.setString(1, item.title());
                    statement.setString(2, item.description());
                    statement.setLong(3, item.target().minor());
                    statement.setString(4, item.status().name());
                    statement.setString(5, item.code());
                    return statement.executeUpdate();
                });
    }

    @Override
    public Optional<FundedItem> lock(String code) {
        return query(SELECT + " where code = ? for update", code).stream().findFirst();
    }

    @Override
    public List<FundedItem> all() {
        return query(SELECT + " order by case when code = 'general' then 0 else 1 end, created_at, code");
    }

    @Override
    public List<FundedItem> unpublished() {
        return query(SELECT + " where published_version < version order by code for update");
    }

    @Override
    public void markPublished(String code) {
        jdbc.prepareStatement("update funded_item set published_version = version where code = ?", statement -> {
            statement.setString(1, code);
            return statement.executeUpdate();
        });
    }

    private List<FundedItem> query(String sql, String... parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
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
                rs.getString("code"),
                rs.getString("title"),
                rs.getString("description"),
                FundedItem.Kind.valueOf(rs.getString("kind")),
                Money.of(rs.getLong("target_minor"), rs.getString("currency").trim()),
                FundedItem.Status.valueOf(rs.getString("status")));
    }
}
