package org.endow.donations.giving.infrastructure;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.InvoicePayment;
import com.stripe.param.InvoicePaymentListParams;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Which payment intent paid an invoice, asked of Stripe: since API version 2025-03-31 an invoice no longer names
 * it, and an {@code invoice.paid} event does not include the invoice's {@code payments}. A monthly gift's refunds
 * and disputes name the payment intent, so the month is recorded with it.
 */
@Singleton
class StripeInvoicePayments {

    private final StripeClient stripe;

    StripeInvoicePayments(@Nullable StripeClient stripe) {
        this.stripe = stripe;
    }

    /**
     * @return the paid payment intent, empty when Stripe lists none (or card payments are not configured)
     * @throws StripeException when Stripe could not be asked (the event is then delivered again later)
     */
    Optional<String> paymentIntentOf(String invoiceId) throws StripeException {
        if (stripe == null) {
            return Optional.empty();
        }
        for (InvoicePayment payment : stripe.v1()
                .invoicePayments()
                .list(InvoicePaymentListParams.builder()
                        .setInvoice(invoiceId)
                        .setStatus(InvoicePaymentListParams.Status.PAID)
                        .build())
                .getData()) {
            if (payment.getPayment() != null && payment.getPayment().getPaymentIntent() != null) {
                return Optional.of(payment.getPayment().getPaymentIntent());
            }
        }
        return Optional.empty();
    }
}
