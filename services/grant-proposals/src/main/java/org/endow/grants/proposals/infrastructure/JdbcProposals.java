package org.endow.grants.proposals.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.endow.grants.proposals.model.Proposal;
import org.endow.grants.proposals.model.Proposals;
import org.endow.grants.proposals.model.State;

@Singleton
class JdbcProposals implements Proposals {

    @Override
    public boolean claimDeadlineRun() {
        return jdbc.prepareStatement(
                "select pg_try_advisory_xact_lock(hashtext('endow.grants.deadlines'))", statement -> {
                    try (java.sql.ResultSet rs = statement.executeQuery()) {
                        return rs.next() && rs.getBoolean(1);
                    }
                });
    }

    private static final String SELECT = "select document::text from proposal";

    private final JdbcOperations jdbc;
    private final ObjectMapper json;

    JdbcProposals(JdbcOperations jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Optional<Proposal> find(String id) {
        return one(SELECT + " where id = ?", id);
    }

    @Override
    public Optional<Proposal> lock(String id) {
        return one(SELECT + " where id = ? for update", id);
    }

    private Optional<Proposal> one(String sql, String id) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setString(1, id);
            List<Proposal> found = read(statement);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
        });
    }

    @Override
    public void add(Proposal proposal) {
        jdbc.prepareStatement(
                "insert into proposal (applicant_id, organisation, category_code, event_series, start_year, state,"
                        + " amount_minor, currency, submitted_at, awarded_at, created_at, document, id)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)",
                statement -> {
                    bind(statement, proposal);
                    return statement.executeUpdate();
                });
    }

    @Override
    public void update(Proposal proposal) {
        jdbc.prepareStatement(
                "update proposal set applicant_id = ?, organisation = ?, category_code = ?, event_series = ?,"
                        + " start_year = ?, state = ?, amount_minor = ?, currency = ?, submitted_at = ?,"
                        + " awarded_at = ?, created_at = ?, document = ?::jsonb where id = ?",
                statement -> {
                    bind(statement, proposal);
                    return statement.executeUpdate();
                });
    }

    private void bind(PreparedStatement statement, Proposal proposal) throws SQLException {
        Proposal.Data data = proposal.data();
        var application = data.application();
        statement.setString(1, data.applicant().accountId());
        statement.setString(2, application.organisation());
        statement.setString(3, application.categoryCode());
        statement.setString(4, application.eventSeries());
        if (application.startDate() == null) {
            statement.setNull(5, java.sql.Types.INTEGER);
        } else {
            statement.setInt(5, application.startDate().getYear());
        }
        statement.setString(6, data.state().name());
        statement.setLong(7, application.amountMinor());
        statement.setString(8, application.currency() == null ? "USD" : application.currency());
        statement.setTimestamp(9, timestamp(data.submittedAt()));
        statement.setTimestamp(10, timestamp(data.awardedAt()));
        statement.setTimestamp(11, timestamp(data.createdAt()));
        statement.setString(12, write(data));
        statement.setString(13, data.id());
    }

    @Override
    public List<Proposal> byApplicant(String applicantId) {
        return jdbc.prepareStatement(SELECT + " where applicant_id = ? order by created_at desc", statement -> {
            statement.setString(1, applicantId);
            return read(statement);
        });
    }

    @Override
    public List<Proposal> inStates(List<State> states) {
        return jdbc.prepareStatement(SELECT + " where state = any (?) order by created_at", statement -> {
            statement.setArray(
                    1,
                    statement
                            .getConnection()
                            .createArrayOf(
                                    "text", states.stream().map(Enum::name).toArray()));
            return read(statement);
        });
    }

    @Override
    public List<Proposal> all() {
        return jdbc.prepareStatement(SELECT + " order by created_at desc", this::read);
    }

    @Override
    public long committedForOrganisation(String organisation, int year, String currency, String exceptId) {
        return jdbc.prepareStatement(
                "select coalesce(sum(amount_minor), 0) from proposal where lower(organisation) = lower(?)"
                        + " and start_year = ? and currency = ? and id <> ?"
                        + " and state not in ('DRAFT', 'CLOSED', 'REJECTED')",
                statement -> {
                    statement.setString(1, organisation == null ? "" : organisation);
                    statement.setInt(2, year);
                    statement.setString(3, currency);
                    statement.setString(4, exceptId);
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
    }

    @Override
    public Map<Integer, Long> awardedByYear(String organisation, String eventSeries, String currency) {
        return jdbc.prepareStatement(
                "select start_year, max(amount_minor) from proposal where lower(organisation) = lower(?)"
                        + " and lower(event_series) = lower(?) and currency = ? and awarded_at is not null"
                        + " and start_year is not null group by start_year",
                statement -> {
                    statement.setString(1, organisation == null ? "" : organisation);
                    statement.setString(2, eventSeries == null ? "" : eventSeries);
                    statement.setString(3, currency);
                    Map<Integer, Long> byYear = new HashMap<>();
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            byYear.put(rs.getInt(1), rs.getLong(2));
                        }
                    }
                    return byYear;
                });
    }

    private List<Proposal> read(PreparedStatement statement) throws SQLException {
        List<Proposal> found = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                try {
                    found.add(Proposal.restore(json.readValue(rs.getString(1), Proposal.Data.class)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return found;
    }

    private String write(Proposal.Data data) {
        try {
            return json.writeValueAsString(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
