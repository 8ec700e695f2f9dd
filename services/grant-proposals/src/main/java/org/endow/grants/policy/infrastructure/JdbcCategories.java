package org.endow.grants.policy.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.endow.grants.policy.model.Categories;
import org.endow.grants.policy.model.GrantCategory;

@Singleton
class JdbcCategories implements Categories {

    private final JdbcOperations jdbc;
    private final ObjectMapper json;

    JdbcCategories(JdbcOperations jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Optional<GrantCategory> find(String code) {
        return jdbc.prepareStatement("select policy::text from grant_category where code = ?", statement -> {
            statement.setString(1, code);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(read(rs.getString(1))) : Optional.empty();
            }
        });
    }

    @Override
    public List<GrantCategory> all() {
        return jdbc.prepareStatement("select policy::text from grant_category order by code", statement -> {
            List<GrantCategory> all = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    all.add(read(rs.getString(1)));
                }
            }
            return all;
        });
    }

    @Override
    public void save(GrantCategory category) {
        jdbc.prepareStatement(
                "insert into grant_category (code, policy) values (?, ?::jsonb)"
                        + " on conflict (code) do update set policy = excluded.policy, updated_at = now()",
                statement -> {
                    statement.setString(1, category.code());
                    statement.setString(2, write(category));
                    return statement.executeUpdate();
                });
    }

    private GrantCategory read(String text) {
        try {
            return json.readValue(text, GrantCategory.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(GrantCategory category) {
        try {
            return json.writeValueAsString(category);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
