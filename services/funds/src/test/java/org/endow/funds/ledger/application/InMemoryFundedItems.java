package org.endow.funds.ledger.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.endow.funds.items.model.FundedItem;
import org.endow.funds.items.model.FundedItems;

public final class InMemoryFundedItems implements FundedItems {

    private final Map<String, FundedItem> items = new TreeMap<>();

    @Override
    public Optional<FundedItem> find(String code) {
        return Optional.ofNullable(items.get(code));
    }

    @Override
    public boolean add(FundedItem item) {
        return items.putIfAbsent(item.code(), item) == null;
    }

    @Override
    public void update(FundedItem item) {
        items.put(item.code(), item);
    }

    @Override
    public Optional<FundedItem> lock(String code) {
        return find(code);
    }

    @Override
    public List<FundedItem> all() {
        return new ArrayList<>(items.values());
    }

    @Override
    public List<FundedItem> unpublished() {
        return List.of();
    }

    @Override
    public void markPublished(String code) {}
}
