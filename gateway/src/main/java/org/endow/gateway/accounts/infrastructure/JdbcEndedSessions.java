package org.endow.gateway.accounts.infrastructure;

import io.micronaut.context.annotation.Context;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.endow.gateway.accounts.model.AccountId;
import org.endow.platform.security.EndedSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sessions that ended before their token expired (ADR 0004, V11): signed out ({@code ended_session}, by the
 * token's {@value SessionTokens#SESSION_CLAIM}), or issued in an older session generation of their account (its
 * roles changed since; {@value SessionTokens#GENERATION_CLAIM}). Asked on every request, answered from memory: the
 * gateway refuses such a token (its claims validator for a token it has not seen, {@link EndedSessions} for one it
 * remembers), so it is neither served nor forwarded. What another gateway instance ended is read from the database
 * every {@code endow.accounts.sessions-refresh} (2 s); what this one ends counts at once. Loaded when the gateway
 * starts, before it serves.
 */
@Context
public class JdbcEndedSessions implements EndedSessions, GenericJwtClaimsValidator<HttpRequest<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcEndedSessions.class);

    /** Re-read this far back on each refresh: rows written by a slower transaction or another instance's clock. */
    private static final Duration OVERLAP = Duration.ofMinutes(5);

    private static final Duration CLEAN_UP_EVERY = Duration.ofHours(1);

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final int tokenLifetimeSeconds;

    /** Ended session id → when its token expires (forgotten after that: the token is refused as expired). */
    private final Map<UUID, Instant> endedSessions = new ConcurrentHashMap<>();

    /** Account id → its current session generation, for accounts whose sessions ended at least once. */
    private final Map<String, Integer> generations = new ConcurrentHashMap<>();

    private volatile Instant readUpTo = Instant.EPOCH;
    private volatile Instant cleanedUpAt = Instant.EPOCH;

    JdbcEndedSessions(
            JdbcOperations jdbc, TransactionOperations<Connection> transactions, Clock clock, SessionTokens tokens) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.tokenLifetimeSeconds = tokens.expirySeconds();
        refresh();
        LOG.info(
                "{} ended session(s) and {} account(s) with ended sessions loaded",
                endedSessions.size(),
                generations.size());
    }

    @Override
    public boolean ended(Authentication authentication) {
        Map<String, Object> attributes = authentication.getAttributes();
        return ended(
                authentication.getName(),
                attributes.get(SessionTokens.SESSION_CLAIM),
                attributes.get(SessionTokens.GENERATION_CLAIM));
    }

    /** As a claims validator: false (refused) for a token whose session ended. */
    @Override
    public boolean validate(Claims claims, HttpRequest<?> request) {
        return !ended(
                claims.get("sub"), claims.get(SessionTokens.SESSION_CLAIM), claims.get(SessionTokens.GENERATION_CLAIM));
    }

    private boolean ended(Object subject, Object session, Object generation) {
        UUID sessionId = uuid(session);
        if (sessionId != null && endedSessions.containsKey(sessionId)) {
            return true;
        }
        Integer current = subject == null ? null : generations.get(subject.toString());
        // a token issued before sessions had generations counts as generation 0
        return current != null && (generation instanceof Number issued ? issued.intValue() : 0) < current;
    }

    /**
     * Signing out: the session of this authentication ends now, here and (within a refresh) on every instance.
     *
     * @return false for a token that names no session (issued before V11; it ends when it expires)
     */
    public boolean end(Authentication authentication) {
        UUID sessionId = uuid(authentication.getAttributes().get(SessionTokens.SESSION_CLAIM));
        UUID accountId = uuid(authentication.getName());
        if (sessionId == null || accountId == null) {
            return false;
        }
        Instant now = clock.instant();
        Instant expires = expiry(authentication.getAttributes().get("exp"), now);
        transactions.executeWrite(status -> jdbc.prepareStatement(
                "insert into ended_session (session_id, account_id, ended_at, expires_at) values (?, ?, ?, ?)"
                        + " on conflict (session_id) do nothing",
                statement -> {
                    statement.setObject(1, sessionId);
                    statement.setObject(2, accountId);
                    statement.setTimestamp(3, Timestamp.from(now));
                    statement.setTimestamp(4, Timestamp.from(expires));
                    return statement.executeUpdate();
                }));
        endedSessions.put(sessionId, expires);
        return true;
    }

    /** After a committed change of the account's session generation (its roles changed): counts here at once. */
    public void generationChanged(AccountId account, int generation) {
        generations.merge(account.toString(), generation, Math::max);
    }

    /** What this or another instance ended since the last refresh (with an overlap), and forgetting what expired. */
    @Scheduled(
            fixedDelay = "${endow.accounts.sessions-refresh:2s}",
            initialDelay = "${endow.accounts.sessions-refresh:2s}")
    void refresh() {
        Instant started = clock.instant();
        Instant since = readUpTo.equals(Instant.EPOCH) ? Instant.EPOCH : readUpTo.minus(OVERLAP);
        transactions.executeRead(status -> {
            jdbc.prepareStatement(
                    "select session_id, expires_at from ended_session where ended_at >= ? and expires_at > ?",
                    statement -> {
                        statement.setTimestamp(1, Timestamp.from(since));
                        statement.setTimestamp(2, Timestamp.from(started));
                        try (ResultSet rs = statement.executeQuery()) {
                            while (rs.next()) {
                                endedSessions.put(
                                        rs.getObject(1, UUID.class),
                                        rs.getTimestamp(2).toInstant());
                            }
                        }
                        return null;
                    });
            jdbc.prepareStatement(
                    "select id, session_generation from account where sessions_ended_at >= ?", statement -> {
                        statement.setTimestamp(1, Timestamp.from(since));
                        try (ResultSet rs = statement.executeQuery()) {
                            while (rs.next()) {
                                generations.merge(rs.getObject(1, UUID.class).toString(), rs.getInt(2), Math::max);
                            }
                        }
                        return null;
                    });
            return null;
        });
        readUpTo = started;
        endedSessions.values().removeIf(expires -> !expires.isAfter(started));
        if (Duration.between(cleanedUpAt, started).compareTo(CLEAN_UP_EVERY) >= 0) {
            cleanedUpAt = started;
            int deleted = transactions.executeWrite(status ->
                    jdbc.prepareStatement("delete from ended_session where expires_at < ?", statement -> {
                        statement.setTimestamp(1, Timestamp.from(started.minus(Duration.ofDays(1))));
                        return statement.executeUpdate();
                    }));
            if (deleted > 0) {
                LOG.info("{} ended session(s) whose tokens expired over a day ago forgotten", deleted);
            }
        }
    }

    private Instant expiry(Object exp, Instant now) {
        if (exp instanceof Date date) {
            return date.toInstant();
        }
        if (exp instanceof Number seconds) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        if (exp instanceof Instant instant) {
            return instant;
        }
        return now.plusSeconds(tokenLifetimeSeconds); // no later than any token issued now
    }

    private static UUID uuid(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
