package org.endow.donations.giving.application;

/**
 * An event refers to a payment this service has not recorded yet (it arrived before the event that
 * introduces the payment). Nothing is applied; the provider is told to deliver it again later.
 */
public final class PaymentNotYetKnown extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PaymentNotYetKnown(String message) {
        super(message);
    }
}
