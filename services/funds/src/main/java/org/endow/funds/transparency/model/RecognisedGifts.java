package org.endow.funds.transparency.model;

import java.util.List;
import java.util.UUID;

public interface RecognisedGifts {

    /** @return false when this event was already recorded */
    boolean add(UUID sourceEventId, RecognisedGift gift);

    List<RecognisedGift> latest(int limit);
}
