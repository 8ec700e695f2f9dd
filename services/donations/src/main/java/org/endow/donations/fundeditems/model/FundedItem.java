package org.endow.donations.fundeditems.model;

/** The donations service's copy of a funded item, kept from the funds service's events. */
public record FundedItem(String code, String title, String kind, long targetMinor, String currency, String status) {

    public boolean acceptsGifts() {
        return "OPEN".equals(status);
    }
}
