package org.endow.sponsors.catalogue.model;

import java.util.Objects;

/**
 * Something a benefit needs from the sponsor to be delivered (a logo for a placement, a text for a
 * blog post, a link for a job listing), due {@code dueOffsetDays} after the sponsorship starts
 * (negative: before it starts).
 *
 * @param maxLength a text's longest length in characters (a link's, too)
 */
public record AssetRequirement(String code, Kind kind, String label, int dueOffsetDays, int maxLength) {

    /** What the sponsor sends: the sponsorship's logo (one per sponsorship), a text or a web link. */
    public enum Kind {
        LOGO,
        TEXT,
        LINK
    }

    public AssetRequirement {
        Objects.requireNonNull(code);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(label);
        if (dueOffsetDays < -365 || dueOffsetDays > 365) {
            throw new IllegalArgumentException("an asset is due within a year of the start");
        }
        if (maxLength < 1 || maxLength > 10_000) {
            throw new IllegalArgumentException("an asset's length limit is between 1 and 10,000 characters");
        }
    }
}
