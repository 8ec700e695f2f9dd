package org.endow.donations.registrations.model;

/** What a registrant of a cancelled event chose to do with the money they paid. */
public enum Answer {
    /** Everything back on the original payment. */
    REFUND,
    /** Everything becomes a donation. */
    DONATE_ALL,
    /** Part becomes a donation, the rest is refunded. */
    DONATE_PART
}
