package org.endow.donations.giving.model;

public enum DonationStatus {
    /** Promised, money not yet received (bank transfer, cheque, or card checkout not completed). */
    PLEDGED,
    /** The money arrived (staff reconciled the transfer or cheque, or Stripe confirmed the card payment). */
    RECEIVED,
    /** A card checkout was started; nothing is promised until Stripe confirms the payment. */
    AWAITING_PAYMENT,
    /** The card checkout expired unpaid. */
    ABANDONED,
    /** All of the gift was given back. */
    REFUNDED
}
