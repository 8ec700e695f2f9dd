package org.endow.donations.giving.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.endow.donations.giving.application.SearchingDonations;
import org.endow.donations.giving.model.Donation;

/** Staff search: the matching ids by SQL (name/email substring, status, fund), then their rows in one query. */
@Singleton
@Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
class JdbcDonationSearch implements SearchingDonations.Search {

    private final JdbcOperations jdbc;
    private final DonationRowRepository rows;

    JdbcDonationSearch(JdbcOperations jdbc, DonationRowRepository rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    @Override
    public List<Donation> find(SearchingDonations.Criteria c) {
        StringBuilder sql = new StringBuilder("select id from donation where true");
        List<Object> args = new ArrayList<>();
        if (c.text() != null) {
            sql.append(" and (donor_name ilike ? escape '\\' or donor_email ilike ? escape '\\')");
            String like =
                    "%" + c.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            args.add(like);
            args.add(like);
        }
        if (c.status() != null) {
            sql.append(" and status = ?");
            args.add(c.status().name());
        }
        if (c.fundCode() != null) {
            sql.append(" and fund_code = ?");
            args.add(c.fundCode());
        }
        sql.append(" order by pledged_at desc limit ?");
        args.add(c.limit());
        List<UUID> ids = jdbc.prepareStatement(sql.toString(), statement -> {
            for (int i = 0; i < args.size(); i++) {
                statement.setObject(i + 1, args.get(i));
            }
            List<UUID> found = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getObject(1, UUID.class));
                }
            }
            return found;
        });
        if (ids.isEmpty()) {
            return List.of();
        }
        // one query for all the rows (not one per match: an export reads thousands), then the search's order
        java.util.Map<UUID, Donation> byId = new java.util.HashMap<>();
        for (DonationRow row : rows.findByIdIn(ids)) {
            byId.put(row.id(), JdbcDonations.toModel(row));
        }
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }
}
