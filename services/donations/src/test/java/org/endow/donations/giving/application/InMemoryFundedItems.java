package org.endow.donations.giving.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.endow.donations.fundeditems.model.FundedItem;
import org.endow.donations.fundeditems.model.FundedItems;

final class InMemoryFundedItems implements FundedItems {

    private final Map<String, FundedItem> items = new TreeMap<>();

    @Override
    public void save(FundedItem item) {
        items.put(item.code(), item);
    }

    @Override
    public Optional<FundedItem> find(String code) {
        return Optional.ofNullable(items.get(code));
    }

    @Override
    public List<FundedItem> all() {
        return new ArrayList<>(items.values());
    }
}
