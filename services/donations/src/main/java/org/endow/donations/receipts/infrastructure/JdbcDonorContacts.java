package org.endow.donations.receipts.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.Optional;
import org.endow.donations.giving.model.DonorId;
import org.endow.donations.receipts.model.DonorContacts;

@Singleton
class JdbcDonorContacts implements DonorContacts {

    private final JdbcOperations jdbc;

    JdbcDonorContacts(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void remember(DonorId donor, Contact contact) {
        jdbc.prepareStatement(
                "insert into donor_contact (donor_id, name, email) values (?, ?, ?) on conflict (donor_id) do update"
                        + " set name = excluded.name, email = excluded.email, updated_at = now()"
                        + " where donor_contact.name <> excluded.name or donor_contact.email <> excluded.email",
                statement -> {
                    statement.setString(1, donor.value());
                    statement.setString(2, contact.name());
                    statement.setString(3, contact.email());
                    return statement.executeUpdate();
                });
    }

    @Override
    public Optional<Contact> find(DonorId donor) {
        return jdbc.prepareStatement("select name, email from donor_contact where donor_id = ?", statement -> {
            statement.setString(1, donor.value());
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(new Contact(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        });
    }
}
