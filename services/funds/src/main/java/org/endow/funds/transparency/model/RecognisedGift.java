package org.endow.funds.transparency.model;

import java.time.Instant;
import org.endow.kernel.Money;

/**
 * A received gift, shown publicly while its donor consents: as they asked to be named ({@code shownAs}
 * is the display name they chose, "Anonymous", "A donor" when they gave no name, or null: not shown).
 */
public record RecognisedGift(String fundCode, Money amount, String shownAs, String dedication, Instant receivedAt) {

    public static String shownAs(boolean anonymous, String displayName) {
        if (anonymous) {
            return "Anonymous";
        }
        return displayName == null || displayName.isBlank() ? "A donor" : displayName.strip();
    }
}
