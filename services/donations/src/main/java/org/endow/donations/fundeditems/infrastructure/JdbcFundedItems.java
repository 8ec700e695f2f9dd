package org.endow.donations.fundeditems.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.endow.donations.fundeditems.model.FundedItem;
import org.endow.donations.fundeditems.model.FundedItems;

/**
 * The funded items this service knows (a projection of the funds service's items), answered from a copy kept for
 * {@link FundedItemsProperties#cacheFor()}: every pledge and every instruction or receipt checks its item, and the
 * table changes only when funds publishes an item. The copy is dropped when this instance saves an item, again after
 * that transaction ends (so a copy read meanwhile does not outlive it), and is never taken from inside a transaction
 * that wrote an item.
 */
@Singleton
class JdbcFundedItems implements FundedItems {

    private static final String COLUMNS = "code, title, kind, target_minor, currency, status";

    private final JdbcOperations jdbc;
    private final TransactionOperations<java.sql.Connection> transactions;
    private final long cacheNanos;
    private volatile Copy copy;
    /** Saves whose transaction has not ended yet: no copy is kept while one is open. */
    private final AtomicInteger savesInFlight = new AtomicInteger();
    /** Moves on at every save and at the end of its transaction: a copy read across either is not kept. */
    private final AtomicLong generation = new AtomicLong();

    JdbcFundedItems(
            JdbcOperations jdbc,
            TransactionOperations<java.sql.Connection> transactions,
            FundedItemsProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.cacheNanos = properties.cacheFor().toNanos();
    }

    private record Copy(Map<String, FundedItem> byCode, List<FundedItem> all, long readAt) {}

    @Override
    public void save(FundedItem item) {
        jdbc.prepareStatement(
                "insert into funded_item (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?) on conflict (code) do update set"
                        + " title = excluded.title, kind = excluded.kind, target_minor = excluded.target_minor,"
                        + " currency = excluded.currency, status = excluded.status, updated_at = now()",
                statement -> {
                    statement.setString(1, item.code());
                    statement.setString(2, item.title());
                    statement.setString(3, item.kind());
                    statement.setLong(4, item.targetMinor());
                    statement.setString(5, item.currency());
                    statement.setString(6, item.status());
                    return statement.executeUpdate();
                });
        generation.incrementAndGet();
        copy = null;
        var status = transactions.findTransactionStatus();
        if (status.isPresent()) {
            savesInFlight.incrementAndGet();
            status.get().registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(Status completion) {
                    generation.incrementAndGet();
                    copy = null;
                    savesInFlight.decrementAndGet();
                }
            });
        }
    }

    @Override
    public Optional<FundedItem> find(String code) {
        return Optional.ofNullable(current().byCode().get(code));
    }

    @Override
    public List<FundedItem> all() {
        return current().all();
    }

    private Copy current() {
        Copy kept = copy;
        long now = System.nanoTime();
        if (kept != null && now - kept.readAt() < cacheNanos) {
            return kept;
        }
        long readFrom = generation.get();
        List<FundedItem> all = List.copyOf(read());
        Map<String, FundedItem> byCode = new HashMap<>();
        all.forEach(item -> byCode.put(item.code(), item));
        Copy fresh = new Copy(Map.copyOf(byCode), all, now);
        if (cacheNanos > 0 && savesInFlight.get() == 0 && generation.get() == readFrom) {
            copy = fresh;
        }
        return fresh;
    }

    private List<FundedItem> read() {
        return jdbc.prepareStatement("select " + COLUMNS + " from funded_item order by code", statement -> {
            List<FundedItem> items = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    items.add(map(rs));
                }
            }
            return items;
        });
    }

    private static FundedItem map(ResultSet rs) throws SQLException {
        return new FundedItem(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getString(5).trim(),
                rs.getString(6));
    }
}
