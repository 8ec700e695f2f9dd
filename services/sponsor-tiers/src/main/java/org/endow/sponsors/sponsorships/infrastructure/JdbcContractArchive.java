package org.endow.sponsors.sponsorships.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.endow.sponsors.sponsorships.application.ContractArchive;
import org.endow.sponsors.sponsorships.model.ContractDocument;

@Singleton
@Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
class JdbcContractArchive implements ContractArchive {

    private final JdbcOperations jdbc;

    JdbcContractArchive(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String store(UUID sponsorship, int revision, ContractDocument.Kind kind, byte[] pdf) {
        String sha256;
        try {
            sha256 = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        jdbc.prepareStatement(
                "insert into sponsorship_document (sponsorship_id, revision, kind, pdf, sha256) values (?, ?, ?, ?, ?)",
                statement -> {
                    statement.setObject(1, sponsorship);
                    statement.setInt(2, revision);
                    statement.setString(3, kind.name());
                    statement.setBytes(4, pdf);
                    statement.setString(5, sha256);
                    return statement.executeUpdate();
                });
        return sha256;
    }

    @Override
    public Optional<byte[]> document(UUID sponsorship, int revision, ContractDocument.Kind kind) {
        return jdbc.prepareStatement(
                "select pdf from sponsorship_document where sponsorship_id = ? and revision = ? and kind = ?",
                statement -> {
                    statement.setObject(1, sponsorship);
                    statement.setInt(2, revision);
                    statement.setString(3, kind.name());
                    try (ResultSet rs = statement.executeQuery()) {
                        return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
                    }
                });
    }

    @Override
    public Optional<ContractDocument> describe(UUID sponsorship, int revision, ContractDocument.Kind kind) {
        return versions(sponsorship).stream()
                .filter(d -> d.revision() == revision && d.kind() == kind)
                .findFirst();
    }

    @Override
    public List<ContractDocument> versions(UUID sponsorship) {
        return jdbc.prepareStatement(
                "select revision, kind, sha256, created_at from sponsorship_document where sponsorship_id = ?"
                        + " order by revision, created_at",
                statement -> {
                    statement.setObject(1, sponsorship);
                    List<ContractDocument> found = new ArrayList<>();
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            found.add(new ContractDocument(
                                    rs.getInt(1),
                                    ContractDocument.Kind.valueOf(rs.getString(2)),
                                    rs.getString(3),
                                    rs.getTimestamp(4).toInstant()));
                        }
                    }
                    return found;
                });
    }
}
