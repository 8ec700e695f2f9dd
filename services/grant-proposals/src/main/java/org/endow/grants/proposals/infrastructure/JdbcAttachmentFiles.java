package org.endow.grants.proposals.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.Optional;
import org.endow.grants.proposals.model.AttachmentFiles;

@Singleton
class JdbcAttachmentFiles implements AttachmentFiles {

    private final JdbcOperations jdbc;

    JdbcAttachmentFiles(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void store(String proposalId, String name, byte[] content) {
        jdbc.prepareStatement(
                "insert into proposal_attachment (proposal_id, name, content) values (?, ?, ?)"
                        + " on conflict (proposal_id, name) do update set content = excluded.content",
                statement -> {
                    statement.setString(1, proposalId);
                    statement.setString(2, name);
                    statement.setBytes(3, content);
                    return statement.executeUpdate();
                });
    }

    @Override
    public Optional<byte[]> load(String proposalId, String name) {
        return jdbc.prepareStatement(
                "select content from proposal_attachment where proposal_id = ? and name = ?", statement -> {
                    statement.setString(1, proposalId);
                    statement.setString(2, name);
                    try (ResultSet rs = statement.executeQuery()) {
                        return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
                    }
                });
    }
}
