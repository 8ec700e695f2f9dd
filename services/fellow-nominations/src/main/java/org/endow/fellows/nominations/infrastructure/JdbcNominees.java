package org.endow.fellows.nominations.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.endow.fellows.nominations.model.Cycle;
import org.endow.fellows.nominations.model.Nominee;
import org.endow.fellows.nominations.model.NomineeStatus;
import org.endow.fellows.nominations.model.Nominees;

@Singleton
@Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
class JdbcNominees implements Nominees {

    private static final String COLUMNS =
            "id, name, email, links, status, cycle_label, cycle_cut_off, cycle_review_end,"
                    + " first_nominated, elected_in, display_name, accepted_at, merged_into";
    private static final String ACTIVE = "status in ('NOMINATED', 'REFERENCES_REQUESTED', 'VERIFIED')";

    private final JdbcOperations jdbc;

    JdbcNominees(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Nominee n) {
        Sql.update(
                jdbc,
                "insert into nominee (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                statement -> {
                    statement.setObject(1, n.id());
                    statement.setString(2, n.name());
                    statement.setString(3, n.email());
                    bindRest(statement, n, 4);
                });
    }

    @Override
    public void update(Nominee n) {
        Sql.update(
                jdbc,
                "update nominee set links = ?, status = ?, cycle_label = ?, cycle_cut_off = ?, cycle_review_end = ?,"
                        + " first_nominated = ?, elected_in = ?, display_name = ?, accepted_at = ?, merged_into = ?"
                        + " where id = ?",
                statement -> {
                    bindRest(statement, n, 1);
                    statement.setObject(11, n.id());
                });
    }

    private static void bindRest(PreparedStatement statement, Nominee n, int start) throws SQLException {
        int i = start;
        statement.setArray(
                i++, statement.getConnection().createArrayOf("text", n.links().toArray()));
        statement.setString(i++, n.status().name());
        statement.setString(i++, n.cycle().label());
        statement.setDate(i++, Date.valueOf(n.cycle().cutOff()));
        statement.setDate(i++, Date.valueOf(n.cycle().reviewEnd()));
        statement.setDate(i++, Date.valueOf(n.firstNominated()));
        statement.setString(i++, n.electedIn());
        statement.setString(i++, n.displayName());
        statement.setTimestamp(i++, n.acceptedAt() == null ? null : Timestamp.from(n.acceptedAt()));
        statement.setObject(i, n.mergedInto());
    }

    @Override
    public Optional<Nominee> lock(UUID id) {
        return one("select " + COLUMNS + " from nominee where id = ? for update", id);
    }

    @Override
    public Optional<Nominee> find(UUID id) {
        return one("select " + COLUMNS + " from nominee where id = ?", id);
    }

    private Optional<Nominee> one(String sql, UUID id) {
        return Sql.list(jdbc, sql, s -> s.setObject(1, id), JdbcNominees::map).stream()
                .findFirst();
    }

    @Override
    public Optional<Nominee> lockActiveByEmail(String email) {
        return Sql.list(
                        jdbc,
                        "select " + COLUMNS + " from nominee where email = ? and " + ACTIVE + " for update",
                        s -> s.setString(1, email),
                        JdbcNominees::map)
                .stream()
                .findFirst();
    }

    @Override
    public List<Nominee> inCycle(String label) {
        return Sql.list(
                jdbc,
                "select " + COLUMNS + " from nominee where cycle_label = ? and " + ACTIVE + " order by name",
                s -> s.setString(1, label),
                JdbcNominees::map);
    }

    @Override
    public List<Nominee> reviewEndedBefore(LocalDate day) {
        return Sql.list(
                jdbc,
                "select " + COLUMNS + " from nominee where cycle_review_end < ? and " + ACTIVE,
                s -> s.setDate(1, Date.valueOf(day)),
                JdbcNominees::map);
    }

    @Override
    public List<Nominee> lockHonouredByEmail(String email) {
        return Sql.list(
                jdbc,
                "select " + COLUMNS + " from nominee where email = ? and status in ('ELECTED', 'FELLOW')"
                        + " order by id for update",
                s -> s.setString(1, email),
                JdbcNominees::map);
    }

    @Override
    public List<Nominee> fellows() {
        return Sql.list(
                jdbc,
                "select " + COLUMNS + " from nominee where status = 'FELLOW' order by accepted_at desc, display_name",
                s -> {},
                JdbcNominees::map);
    }

    @Override
    public List<Nominee> electedIn(String cycleLabel) {
        return Sql.list(
                jdbc,
                "select " + COLUMNS
                        + " from nominee where elected_in = ? and status in ('ELECTED', 'FELLOW') order by name",
                s -> s.setString(1, cycleLabel),
                JdbcNominees::map);
    }

    private static Nominee map(ResultSet rs) throws SQLException {
        Timestamp accepted = rs.getTimestamp("accepted_at");
        return new Nominee(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("email"),
                Arrays.asList((String[]) rs.getArray("links").getArray()),
                NomineeStatus.valueOf(rs.getString("status")),
                new Cycle(
                        rs.getString("cycle_label"),
                        rs.getDate("cycle_cut_off").toLocalDate(),
                        rs.getDate("cycle_review_end").toLocalDate()),
                rs.getDate("first_nominated").toLocalDate(),
                rs.getString("elected_in"),
                rs.getString("display_name"),
                accepted == null ? null : accepted.toInstant(),
                rs.getObject("merged_into", UUID.class));
    }
}
