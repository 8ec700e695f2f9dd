package org.endow.fellows.nominations.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.endow.fellows.nominations.model.Nomination;
import org.endow.fellows.nominations.model.Nominations;

@Singleton
@Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
class JdbcNominations implements Nominations {

    private static final String COLUMNS =
            "id, nominee_id, nominator_account, nominator_name, nominator_email, statement, submitted_at, superseded_by";

    private final JdbcOperations jdbc;

    JdbcNominations(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Nomination n) {
        Sql.update(jdbc, "insert into nomination (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)", s -> {
            s.setObject(1, n.id());
            s.setObject(2, n.nomineeId());
            s.setString(3, n.nominatorAccount());
            s.setString(4, n.nominatorName());
            s.setString(5, n.nominatorEmail());
            s.setString(6, n.statement());
            s.setTimestamp(7, Timestamp.from(n.submittedAt()));
            s.setObject(8, n.supersededBy());
        });
        references(n);
    }

    @Override
    public void update(Nomination n) {
        Sql.update(jdbc, "update nomination set nominee_id = ?, superseded_by = ? where id = ?", s -> {
            s.setObject(1, n.nomineeId());
            s.setObject(2, n.supersededBy());
            s.setObject(3, n.id());
        });
        Sql.update(jdbc, "delete from nomination_reference where nomination_id = ?", s -> s.setObject(1, n.id()));
        references(n);
    }

    private void references(Nomination n) {
        for (int i = 0; i < n.references().size(); i++) {
            Nomination.Reference r = n.references().get(i);
            int position = i;
            Sql.update(
                    jdbc,
                    "insert into nomination_reference (nomination_id, position, name, email, relation) values (?, ?, ?, ?, ?)",
                    s -> {
                        s.setObject(1, n.id());
                        s.setInt(2, position);
                        s.setString(3, r.name());
                        s.setString(4, r.email());
                        s.setString(5, r.relation());
                    });
        }
    }

    @Override
    public Optional<Nomination> find(UUID id) {
        return Sql.list(jdbc, "select " + COLUMNS + " from nomination where id = ?", s -> s.setObject(1, id), this::map)
                .stream()
                .findFirst();
    }

    @Override
    public List<Nomination> of(UUID nominee) {
        return Sql.list(
                jdbc,
                "select " + COLUMNS
                        + " from nomination where nominee_id = ? and superseded_by is null order by submitted_at",
                s -> s.setObject(1, nominee),
                this::map);
    }

    @Override
    public List<Nomination> by(String account) {
        return Sql.list(
                jdbc,
                "select " + COLUMNS
                        + " from nomination where nominator_account = ? and superseded_by is null"
                        + " order by submitted_at desc",
                s -> s.setString(1, account),
                this::map);
    }

    private Nomination map(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<Nomination.Reference> references = Sql.list(
                jdbc,
                "select name, email, relation from nomination_reference where nomination_id = ? order by position",
                s -> s.setObject(1, id),
                r -> new Nomination.Reference(r.getString(1), r.getString(2), r.getString(3)));
        return new Nomination(
                id,
                rs.getObject("nominee_id", UUID.class),
                rs.getString("nominator_account"),
                rs.getString("nominator_name"),
                rs.getString("nominator_email"),
                rs.getString("statement"),
                references,
                rs.getTimestamp("submitted_at").toInstant(),
                rs.getObject("superseded_by", UUID.class));
    }
}
