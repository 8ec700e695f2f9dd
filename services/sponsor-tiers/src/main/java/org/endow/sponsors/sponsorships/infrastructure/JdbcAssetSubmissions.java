package org.endow.sponsors.sponsorships.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.endow.sponsors.sponsorships.application.AssetSubmissions;
import org.endow.sponsors.sponsorships.model.Fulfilment;

@Singleton
@Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
class JdbcAssetSubmissions implements AssetSubmissions {

    private final JdbcOperations jdbc;

    JdbcAssetSubmissions(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(UUID sponsorship, Fulfilment.Key key, Fulfilment.Submitted submitted) {
        jdbc.prepareStatement(
                "insert into sponsorship_asset (sponsorship_id, benefit_code, code, value, submitted_by, submitted_at)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict (sponsorship_id, benefit_code, code) do update"
                        + " set value = excluded.value, submitted_by = excluded.submitted_by,"
                        + " submitted_at = excluded.submitted_at",
                statement -> {
                    statement.setObject(1, sponsorship);
                    statement.setString(2, key.benefitCode());
                    statement.setString(3, key.code());
                    statement.setString(4, submitted.value());
                    statement.setString(5, submitted.by());
                    statement.setTimestamp(6, Timestamp.from(submitted.at()));
                    return statement.executeUpdate();
                });
    }

    @Override
    public Map<Fulfilment.Key, Fulfilment.Submitted> of(UUID sponsorship) {
        return ofAll(Set.of(sponsorship)).getOrDefault(sponsorship, new HashMap<>());
    }

    @Override
    public Map<UUID, Map<Fulfilment.Key, Fulfilment.Submitted>> ofAll(Set<UUID> sponsorships) {
        Map<UUID, Map<Fulfilment.Key, Fulfilment.Submitted>> found = new HashMap<>();
        if (sponsorships.isEmpty()) {
            return found;
        }
        jdbc.prepareStatement(
                "select sponsorship_id, benefit_code, code, value, submitted_by, submitted_at from sponsorship_asset"
                        + " where sponsorship_id = any(?)",
                statement -> {
                    statement.setArray(1, statement.getConnection().createArrayOf("uuid", sponsorships.toArray()));
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            found.computeIfAbsent(rs.getObject(1, UUID.class), id -> new HashMap<>())
                                    .put(
                                            new Fulfilment.Key(rs.getString(2), rs.getString(3)),
                                            new Fulfilment.Submitted(
                                                    rs.getString(4),
                                                    rs.getString(5),
                                                    rs.getTimestamp(6).toInstant()));
                        }
                    }
                    return found.size();
                });
        return found;
    }
}
