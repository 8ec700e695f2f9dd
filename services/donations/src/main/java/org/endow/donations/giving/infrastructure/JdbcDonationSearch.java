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
import org.endow.donations.giving.model.DonationId;
import org.endow.donations.giving.model.Donations;

/** Staff search: the matching ids by SQL (name/email substring, status, fund), the gifts by the repository. */
@Singleton
@Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
class JdbcDonationSearch implements SearchingDonations.Search {

    private final JdbcOperations jdbc;
    private final Donations donations;

    JdbcDonationSearch(JdbcOperations jdbc, Donations donations) {
        this.jdbc = jdbc;
        this.donations = donations;
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
        return ids.stream()
                .map(id -> donations.find(new DonationId(id)).orElseThrow())
                .toList();
    }
}
