package org.endow.sponsors.sponsorships.model;

/** Where a sponsorship is in its life. */
public enum SponsorshipStatus {
    /** Sent by the sponsor, waiting for staff. */
    APPLIED,
    /** Sent back to the sponsor to change it (by staff), then applied again. */
    EDITING,
    REJECTED,
    /** Approved with dates and fee; a contract draft exists. */
    APPROVED,
    /** The draft contract was sent to the sponsor to sign. */
    CONTRACT_SENT,
    /** The sponsor signed in the portal; staff countersign next. */
    SIGNED,
    /** Both signed; the invoice is issued. */
    EXECUTED,
    /** The invoice was paid. */
    PAID;

    /** Still being decided or signed: an organisation has at most one such application. */
    public boolean open() {
        return this == APPLIED || this == EDITING || this == APPROVED || this == CONTRACT_SENT || this == SIGNED;
    }
}
