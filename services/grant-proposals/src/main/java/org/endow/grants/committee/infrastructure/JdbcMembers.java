package org.endow.grants.committee.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.endow.grants.committee.model.Member;
import org.endow.grants.committee.model.Members;

@Singleton
class JdbcMembers implements Members {

    private final JdbcOperations jdbc;

    JdbcMembers(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Member> all() {
        return jdbc.prepareStatement(
                "select account_id, name, email, chair from wg_member order by name", statement -> {
                    List<Member> all = new ArrayList<>();
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            all.add(member(rs));
                        }
                    }
                    return all;
                });
    }

    @Override
    public Optional<Member> find(String accountId) {
        return jdbc.prepareStatement(
                "select account_id, name, email, chair from wg_member where account_id = ?", statement -> {
                    statement.setString(1, accountId);
                    try (ResultSet rs = statement.executeQuery()) {
                        return rs.next() ? Optional.of(member(rs)) : Optional.empty();
                    }
                });
    }

    @Override
    public void save(Member member) {
        jdbc.prepareStatement(
                "insert into wg_member (account_id, name, email, chair) values (?, ?, ?, ?) on conflict (account_id)"
                        + " do update set name = excluded.name, email = excluded.email, chair = excluded.chair",
                statement -> {
                    statement.setString(1, member.accountId());
                    statement.setString(2, member.name());
                    statement.setString(3, member.email());
                    statement.setBoolean(4, member.chair());
                    return statement.executeUpdate();
                });
    }

    @Override
    public boolean remove(String accountId) {
        return jdbc.prepareStatement("delete from wg_member where account_id = ?", statement -> {
                    statement.setString(1, accountId);
                    return statement.executeUpdate();
                })
                > 0;
    }

    private static Member member(ResultSet rs) throws SQLException {
        return new Member(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4));
    }
}
