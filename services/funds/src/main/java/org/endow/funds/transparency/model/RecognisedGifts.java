package org.endow.funds.transparency.model;

import java.util.List;
import java.util.UUID;

public interface RecognisedGifts {

    /**
     * Keeps a received gift; shown only while {@code gift.shownAs()} is not null.
     *
     * @return false when this event was already recorded
     */
    boolean add(UUID sourceEventId, String donationId, RecognisedGift gift);

    /** One received gift to keep: {@link #add}'s arguments. */
    record Received(UUID sourceEventId, String donationId, RecognisedGift gift) {}

    /** {@link #add} of several gifts; where the store can, with one write for all of them. */
    default void addAll(List<Received> gifts) {
        gifts.forEach(g -> add(g.sourceEventId(), g.donationId(), g.gift()));
    }

    /** The donor changed their choice: show the gift as {@code shownAs} (null: hide it). */
    void recognise(String donationId, String shownAs, String dedication);

    List<RecognisedGift> latest(int limit);
}
