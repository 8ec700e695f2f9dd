package org.endow.donations.giving.infrastructure;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface DonationRowRepository extends CrudRepository<DonationRow, UUID> {

    Optional<DonationRow> findByDonorIdAndIdempotencyKey(String donorId, String idempotencyKey);

    Optional<DonationRow> findByDonorIdIsNullAndIdempotencyKey(String idempotencyKey);

    List<DonationRow> findByDonorIdOrderByPledgedAtDesc(String donorId);

    /** The rows with these ids, in no particular order (one query). */
    List<DonationRow> findByIdIn(java.util.Collection<UUID> ids);

    /** The row, locked ({@code select ... for update}) until the transaction ends. */
    Optional<DonationRow> findByIdForUpdate(UUID id);
}
