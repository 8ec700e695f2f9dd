package org.endow.donations.giving.model;

/** A card dispute (chargeback) on a gift: opened by the card holder's bank, then won or lost. */
public enum DisputeStatus {
    OPEN,
    WON,
    LOST
}
