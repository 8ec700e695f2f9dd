package org.endow.donations.registrations.model;

import org.endow.kernel.Money;

/**
 * Where an event's conversion stands, for staff.
 *
 * @param refunded what has gone back to registrants: refunded on their card, or sent by bank and recorded so
 * @param refundsDueByBank what is still owed by bank transfer (not yet recorded as sent), and how many
 *     registrants
 */
public record Tally(
        int refund,
        int donateAll,
        int donatePart,
        int notAnswered,
        Money converted,
        Money refunded,
        Money refundsDueByBank,
        int refundsDueByBankCount) {}
