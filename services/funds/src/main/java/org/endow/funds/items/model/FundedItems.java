package org.endow.funds.items.model;

import java.util.List;
import java.util.Optional;

public interface FundedItems {

    Optional<FundedItem> find(String code);

    /**
     * Finds the item and locks it until the transaction ends, so that decisions about its money
     * (reservations) are taken one at a time.
     */
    Optional<FundedItem> lock(String code);

    List<FundedItem> all();

    /** @return false when the code is taken */
    boolean add(FundedItem item);

    /** Saves the item's new state and marks it changed, so that it is announced again. */
    void update(FundedItem item);

    /** Items changed since they were last announced to the other services. */
    List<FundedItem> unpublished();

    void markPublished(String code);
}
