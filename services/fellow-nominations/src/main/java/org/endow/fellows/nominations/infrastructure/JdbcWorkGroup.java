package org.endow.fellows.nominations.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.endow.fellows.nominations.model.Results;
import org.endow.fellows.nominations.model.WorkGroup;
import org.endow.kernel.voting.Choice;

@Singleton
@Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
class JdbcWorkGroup implements WorkGroup, Results {

    private final JdbcOperations jdbc;

    JdbcWorkGroup(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(Member m) {
        Sql.update(
                jdbc,
                "insert into work_group_member (account_id, name, email, veto) values (?, ?, ?, ?)"
                        + " on conflict (account_id) do update set name = excluded.name, email = excluded.email,"
                        + " veto = excluded.veto",
                s -> {
                    s.setString(1, m.accountId());
                    s.setString(2, m.name());
                    s.setString(3, m.email());
                    s.setBoolean(4, m.veto());
                });
    }

    @Override
    public List<Member> members() {
        return Sql.list(
                jdbc,
                "select account_id, name, email, veto from work_group_member order by name",
                s -> {},
                rs -> new Member(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
    }

    @Override
    public Optional<Member> member(String accountId) {
        return members().stream().filter(m -> m.accountId().equals(accountId)).findFirst();
    }

    @Override
    public boolean vote(UUID nominee, String cycle, String memberId, Choice choice) {
        boolean earlier = !Sql.list(
                        jdbc,
                        "select 1 from vote where nominee_id = ? and cycle = ? and member_id = ?",
                        s -> {
                            s.setObject(1, nominee);
                            s.setString(2, cycle);
                            s.setString(3, memberId);
                        },
                        rs -> 1)
                .isEmpty();
        Sql.update(
                jdbc,
                "insert into vote (nominee_id, cycle, member_id, choice) values (?, ?, ?, ?)"
                        + " on conflict (nominee_id, cycle, member_id) do update set choice = excluded.choice, cast_at = now()",
                s -> {
                    s.setObject(1, nominee);
                    s.setString(2, cycle);
                    s.setString(3, memberId);
                    s.setString(4, choice.name());
                });
        return earlier;
    }

    @Override
    public Map<String, Choice> votes(UUID nominee, String cycle) {
        Map<String, Choice> votes = new LinkedHashMap<>();
        Sql.list(
                        jdbc,
                        "select member_id, choice from vote where nominee_id = ? and cycle = ?",
                        s -> {
                            s.setObject(1, nominee);
                            s.setString(2, cycle);
                        },
                        rs -> Map.entry(rs.getString(1), Choice.valueOf(rs.getString(2))))
                .forEach(e -> votes.put(e.getKey(), e.getValue()));
        return votes;
    }

    @Override
    public boolean reminded(UUID nominee, String cycle, String memberId) {
        return Sql.update(
                        jdbc,
                        "insert into vote_reminder (nominee_id, cycle, member_id) values (?, ?, ?) on conflict do nothing",
                        s -> {
                            s.setObject(1, nominee);
                            s.setString(2, cycle);
                            s.setString(3, memberId);
                        })
                == 1;
    }

    @Override
    public void record(Result r) {
        Sql.update(
                jdbc,
                "insert into cycle_result (nominee_id, cycle, nominee_name, yes, no, abstain, conflict, not_voted, decision)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                s -> {
                    s.setObject(1, r.nomineeId());
                    s.setString(2, r.cycle());
                    s.setString(3, r.nomineeName());
                    s.setInt(4, r.yes());
                    s.setInt(5, r.no());
                    s.setInt(6, r.abstain());
                    s.setInt(7, r.conflict());
                    s.setInt(8, r.notVoted());
                    s.setString(9, r.decision());
                });
    }

    @Override
    public List<Result> of(String cycle) {
        return Sql.list(
                jdbc,
                "select nominee_id, nominee_name, cycle, yes, no, abstain, conflict, not_voted, decision"
                        + " from cycle_result where cycle = ? order by nominee_name",
                s -> s.setString(1, cycle),
                rs -> new Result(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getInt(7),
                        rs.getInt(8),
                        rs.getString(9)));
    }
}
