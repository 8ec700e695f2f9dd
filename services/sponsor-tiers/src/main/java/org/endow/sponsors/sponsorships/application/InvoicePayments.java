package org.endow.sponsors.sponsorships.application;

import org.endow.kernel.Money;

/** Paying an invoice by card through the payment provider's hosted checkout (Stripe in production). */
public interface InvoicePayments {

    boolean enabled();

    /** @return where to send the sponsor to pay; the payment is confirmed by a verified event only */
    String checkout(String sponsorshipId, String invoiceNumber, Money total, String email, String idempotencyKey);

    final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
