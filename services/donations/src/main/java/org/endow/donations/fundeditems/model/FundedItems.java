package org.endow.donations.fundeditems.model;

import java.util.List;
import java.util.Optional;

public interface FundedItems {

    void save(FundedItem item);

    Optional<FundedItem> find(String code);

    List<FundedItem> all();
}
