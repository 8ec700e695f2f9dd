package org.endow.funds.ledger.application;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.endow.funds.ledger.model.Account;
import org.endow.funds.ledger.model.Journal;
import org.endow.funds.ledger.model.JournalEntry;
import org.endow.funds.ledger.model.Posting;
import org.endow.funds.ledger.model.Side;

public final class InMemoryJournal implements Journal {

    private final List<JournalEntry> entries = new ArrayList<>();
    private final Set<UUID> sources = new HashSet<>();

    @Override
    public boolean append(JournalEntry entry) {
        if (!sources.add(entry.sourceEventId())) {
            return false;
        }
        entries.add(entry);
        return true;
    }

    @Override
    public Map<Account, Long> balances(String fundCode, String currency) {
        Map<Account, Long> balances = new EnumMap<>(Account.class);
        for (JournalEntry entry : entries) {
            for (Posting p : entry.postings()) {
                if (p.fundCode().equals(fundCode) && p.amount().currencyCode().equals(currency)) {
                    balances.merge(p.account(), p.signedForBalance().minor(), Long::sum);
                }
            }
        }
        return balances;
    }

    @Override
    public Map<String, Long> trialBalance() {
        Map<String, Long> totals = new TreeMap<>();
        for (JournalEntry entry : entries) {
            for (Posting p : entry.postings()) {
                long signed = p.side() == Side.DEBIT
                        ? p.amount().minor()
                        : -p.amount().minor();
                totals.merge(p.amount().currencyCode(), signed, Long::sum);
            }
        }
        return totals;
    }

    @Override
    public Map<Account, Long> balancesBefore(String fundCode, String currency, java.time.Instant at) {
        Map<Account, Long> balances = new EnumMap<>(Account.class);
        for (JournalEntry entry : entries) {
            if (!entry.occurredAt().isBefore(at)) {
                continue;
            }
            for (Posting p : entry.postings()) {
                if (p.fundCode().equals(fundCode) && p.amount().currencyCode().equals(currency)) {
                    balances.merge(p.account(), p.signedForBalance().minor(), Long::sum);
                }
            }
        }
        return balances;
    }

    @Override
    public List<JournalEntry> entries(org.endow.funds.ledger.model.LedgerFilter filter) {
        return matching(filter)
                .sorted(java.util.Comparator.comparing(JournalEntry::occurredAt))
                .limit(filter.limit())
                .toList();
    }

    @Override
    public long count(org.endow.funds.ledger.model.LedgerFilter filter) {
        return matching(filter).count();
    }

    private java.util.stream.Stream<JournalEntry> matching(org.endow.funds.ledger.model.LedgerFilter filter) {
        return entries.stream()
                .filter(e -> filter.fundCode() == null
                        || e.postings().stream().anyMatch(p -> p.fundCode().equals(filter.fundCode())))
                .filter(e -> filter.kind() == null || e.kind() == filter.kind())
                .filter(e -> filter.from() == null || !e.occurredAt().isBefore(filter.from()))
                .filter(e -> filter.to() == null || e.occurredAt().isBefore(filter.to()));
    }

    /** Every entry, in the order appended. */
    public List<JournalEntry> entries() {
        return List.copyOf(entries);
    }

    public int size() {
        return entries.size();
    }
}
