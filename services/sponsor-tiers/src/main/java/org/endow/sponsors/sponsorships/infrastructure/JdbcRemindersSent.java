package org.endow.sponsors.sponsorships.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.UUID;
import org.endow.sponsors.sponsorships.application.RemindingSponsors;

@Singleton
@Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
class JdbcRemindersSent implements RemindingSponsors.Sent {

    private final JdbcOperations jdbc;

    JdbcRemindersSent(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean first(UUID sponsorship, String kind, String period) {
        return jdbc.prepareStatement(
                        "insert into sponsorship_reminder (sponsorship_id, kind, period) values (?, ?, ?) on conflict do nothing",
                        statement -> {
                            statement.setObject(1, sponsorship);
                            statement.setString(2, kind);
                            statement.setString(3, period);
                            return statement.executeUpdate();
                        })
                == 1;
    }
}
