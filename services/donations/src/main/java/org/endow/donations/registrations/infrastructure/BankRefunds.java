package org.endow.donations.registrations.infrastructure;

import jakarta.inject.Singleton;
import org.endow.donations.registrations.application.RefundingPayments;
import org.endow.donations.registrations.model.Registration;
import org.endow.kernel.Money;

/**
 * Until the platform's Stripe plumbing (payments branch) is merged, every refund is recorded as due
 * for staff to pay by bank; the staff tally lists them. Replace with a Stripe refund on the payment
 * intent (idempotency key {@link Registration#refundIdempotencyKey()}) when Stripe is configured.
 */
@Singleton
class BankRefunds implements RefundingPayments {

    @Override
    public Refund refund(Registration registration, Money amount) {
        return new Refund(Way.DUE_BY_BANK, null);
    }
}
