package org.endow.donations.giving.model;

public enum DonationStatus {
    /** Promised, money not yet received (bank transfer, cheque, or card checkout not completed). */
    PLEDGED,
    /** The money arrived (staff reconciled the transfer or cheque). */
    RECEIVED
}
