package org.endow.donations.registrations.model;

/** The offer can no longer be answered: its deadline passed (HTTP 410). */
public final class OfferClosedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OfferClosedException(String message) {
        super(message);
    }
}
