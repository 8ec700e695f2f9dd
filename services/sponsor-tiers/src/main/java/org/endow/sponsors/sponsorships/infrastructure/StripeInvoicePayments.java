package org.endow.sponsors.sponsorships.infrastructure;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionCreateParams;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Locale;
import org.endow.kernel.Money;
import org.endow.sponsors.sponsorships.application.InvoicePayments;
import org.endow.sponsors.sponsorships.application.SponsorshipTerms;

/** Invoices paid through Stripe Checkout ({@code payment} mode), the sponsorship's id in the metadata. */
@Factory
class StripeInvoicePayments {

    static final String SPONSORSHIP_ID = "sponsorship_id";

    @Singleton
    InvoicePayments invoicePayments(@Nullable StripeClient stripe, SponsorshipTerms terms) {
        if (stripe == null) {
            return new InvoicePayments() {
                @Override
                public boolean enabled() {
                    return false;
                }

                @Override
                public String checkout(
                        String sponsorshipId, String invoiceNumber, Money total, String email, String key) {
                    throw new Unavailable("card payments are not configured", null);
                }
            };
        }
        return new InvoicePayments() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public String checkout(String sponsorshipId, String invoiceNumber, Money total, String email, String key) {
                String page = terms.portalUrl().replaceAll("/+$", "") + "/sponsors/sponsorships/" + sponsorshipId;
                SessionCreateParams params = SessionCreateParams.builder()
                        .setMode(SessionCreateParams.Mode.PAYMENT)
                        .setSuccessUrl(page + "?done=card-payment")
                        .setCancelUrl(page)
                        .setCustomerEmail(email)
                        .setClientReferenceId(sponsorshipId)
                        .putMetadata(SPONSORSHIP_ID, sponsorshipId)
                        .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                                .putMetadata(SPONSORSHIP_ID, sponsorshipId)
                                .build())
                        .addLineItem(SessionCreateParams.LineItem.builder()
                                .setQuantity(1L)
                                .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                        .setCurrency(total.currencyCode().toLowerCase(Locale.ROOT))
                                        .setUnitAmount(total.minor())
                                        .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                                .setName("Invoice " + invoiceNumber)
                                                .build())
                                        .build())
                                .build())
                        .build();
                try {
                    Session session = stripe.v1()
                            .checkout()
                            .sessions()
                            .create(
                                    params,
                                    RequestOptions.builder()
                                            .setIdempotencyKey(key)
                                            .build());
                    return session.getUrl();
                } catch (StripeException e) {
                    throw new Unavailable(e.getMessage(), e);
                }
            }
        };
    }
}
