package org.endow.donations.giving.infrastructure;

import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.SubscriptionCancelParams;
import com.stripe.param.checkout.SessionCreateParams;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Locale;
import org.endow.donations.giving.application.CardCheckout;
import org.endow.kernel.Money;

/**
 * Card gifts through Stripe Checkout: a Checkout Session in {@code payment} mode for a one-time
 * gift, in {@code subscription} mode (a monthly price made inline) for a monthly one. The gift's id
 * goes into the session's, the payment intent's and the subscription's metadata, so that every later
 * event finds its gift. Without a key ({@code endow.stripe.api-key}) card payments are off.
 */
@Factory
class StripeCardCheckouts {

    @Singleton
    CardCheckout cardCheckout(@Nullable StripeClient stripe, CheckoutProperties properties) {
        return stripe == null ? new Off() : new StripeCardCheckout(stripe, properties);
    }

    static final class Off implements CardCheckout {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public Opened open(Request request, String idempotencyKey) {
            throw new Unavailable("card payments are not configured", null);
        }

        @Override
        public void refund(String paymentId, Money amount, String reason, String idempotencyKey) {
            throw new Unavailable("card payments are not configured", null);
        }

        @Override
        public Charged charged(String paymentId) {
            throw new Unavailable("card payments are not configured", null);
        }

        @Override
        public void cancelSubscription(String subscriptionId, String idempotencyKey) {
            throw new Unavailable("card payments are not configured", null);
        }
    }

    static final class StripeCardCheckout implements CardCheckout {

        static final String DONATION_ID = "donation_id";
        static final String RECURRING_GIFT_ID = "recurring_gift_id";

        private final StripeClient stripe;
        private final CheckoutProperties properties;

        StripeCardCheckout(StripeClient stripe, CheckoutProperties properties) {
            this.stripe = stripe;
            this.properties = properties;
        }

        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public Opened open(Request request, String idempotencyKey) {
            String portal = properties.portalUrl().replaceAll("/+$", "");
            SessionCreateParams.LineItem.PriceData.Builder price = SessionCreateParams.LineItem.PriceData.builder()
                    .setCurrency(request.amount().currencyCode().toLowerCase(Locale.ROOT))
                    .setUnitAmount(request.amount().minor())
                    .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                            .setName(request.description())
                            .build());
            SessionCreateParams.Builder params = SessionCreateParams.builder()
                    .setSuccessUrl(portal + "/give/thanks?session={CHECKOUT_SESSION_ID}")
                    .setCancelUrl(portal + "/give?cancelled=1")
                    .setCustomerEmail(request.customerEmail())
                    .setClientReferenceId(request.giftId());
            if (request.monthly()) {
                price.setRecurring(SessionCreateParams.LineItem.PriceData.Recurring.builder()
                        .setInterval(SessionCreateParams.LineItem.PriceData.Recurring.Interval.MONTH)
                        .build());
                params.setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                        .putMetadata(RECURRING_GIFT_ID, request.giftId())
                        .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                                .putMetadata(RECURRING_GIFT_ID, request.giftId())
                                .build());
            } else {
                params.setMode(SessionCreateParams.Mode.PAYMENT)
                        .putMetadata(DONATION_ID, request.giftId())
                        .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                                .putMetadata(DONATION_ID, request.giftId())
                                .build());
            }
            params.addLineItem(SessionCreateParams.LineItem.builder()
                    .setQuantity(1L)
                    .setPriceData(price.build())
                    .build());
            try {
                Session session = stripe.v1()
                        .checkout()
                        .sessions()
                        .create(
                                params.build(),
                                RequestOptions.builder()
                                        .setIdempotencyKey(idempotencyKey)
                                        .build());
                return new Opened(session.getId(), session.getUrl());
            } catch (StripeException e) {
                throw new Unavailable(e.getMessage(), e);
            }
        }

        @Override
        public Charged charged(String paymentId) {
            com.stripe.model.PaymentIntent intent;
            try {
                intent = stripe.v1()
                        .paymentIntents()
                        .retrieve(
                                paymentId,
                                com.stripe.param.PaymentIntentRetrieveParams.builder()
                                        .addExpand("latest_charge")
                                        .build());
            } catch (InvalidRequestException e) {
                throw new Refused(e.getMessage(), e);
            } catch (StripeException e) {
                throw new Unavailable(e.getMessage(), e);
            }
            com.stripe.model.Charge charge = intent.getLatestChargeObject();
            if (charge == null || charge.getAmount() == null) {
                throw new Refused("payment " + paymentId + " took nothing (no charge)", null);
            }
            String currency = charge.getCurrency().toUpperCase(Locale.ROOT);
            long refunded = charge.getAmountRefunded() == null ? 0 : charge.getAmountRefunded();
            return new Charged(Money.of(charge.getAmount(), currency), Money.of(refunded, currency));
        }

        @Override
        public void refund(String paymentId, Money amount, String reason, String idempotencyKey) {
            try {
                stripe.v1()
                        .refunds()
                        .create(
                                RefundCreateParams.builder()
                                        .setPaymentIntent(paymentId)
                                        .setAmount(amount.minor())
                                        .putMetadata("reason", reason == null ? "" : reason)
                                        .build(),
                                RequestOptions.builder()
                                        .setIdempotencyKey(idempotencyKey)
                                        .build());
            } catch (InvalidRequestException | IdempotencyException | CardException e) {
                // Stripe's 4xx answers about this request itself (e.g. charge_already_refunded): final
                throw new Refused(e.getMessage(), e);
            } catch (StripeException e) {
                throw new Unavailable(e.getMessage(), e);
            }
        }

        @Override
        public void cancelSubscription(String subscriptionId, String idempotencyKey) {
            try {
                stripe.v1()
                        .subscriptions()
                        .cancel(
                                subscriptionId,
                                SubscriptionCancelParams.builder().build(),
                                RequestOptions.builder()
                                        .setIdempotencyKey(idempotencyKey)
                                        .build());
            } catch (StripeException e) {
                throw new Unavailable(e.getMessage(), e);
            }
        }
    }
}
