package org.endow.donations.registrations.model;

import org.endow.kernel.Money;

/** Where an event's conversion stands, for staff. */
public record Tally(
        int refund,
        int donateAll,
        int donatePart,
        int notAnswered,
        Money converted,
        Money refunded,
        Money refundsDueByBank,
        int refundsDueByBankCount) {}
