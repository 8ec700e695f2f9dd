package org.endow.donations.giving.infrastructure;

import io.micronaut.json.tree.JsonNode;
import java.time.Instant;
import java.util.Locale;
import org.endow.donations.giving.application.PaymentNotification;
import org.endow.donations.giving.model.DisputeStatus;
import org.endow.kernel.Money;

/**
 * Reads a verified Stripe event's {@code data.object} (the raw JSON, so that it does not depend on
 * the API version the client library was built for) into what it says about a gift.
 */
final class StripeNotifications {

    private StripeNotifications() {}

    static PaymentNotification of(String type, JsonNode object) {
        return switch (type) {
            case "checkout.session.completed", "checkout.session.async_payment_succeeded" -> completed(type, object);
            case "checkout.session.async_payment_failed" -> {
                String donation = metadata(object, StripeCardCheckouts.StripeCardCheckout.DONATION_ID);
                yield donation == null
                        ? new PaymentNotification.Ignored(type + " (not a one-time gift)")
                        : new PaymentNotification.DelayedPaymentFailed(donation);
            }
            case "checkout.session.expired" ->
                new PaymentNotification.CheckoutExpired(
                        metadata(object, StripeCardCheckouts.StripeCardCheckout.DONATION_ID),
                        metadata(object, StripeCardCheckouts.StripeCardCheckout.RECURRING_GIFT_ID));
            case "payment_intent.payment_failed" -> {
                JsonNode error = object.get("last_payment_error");
                String reason =
                        error != null && text(error, "message") != null ? text(error, "message") : "the payment failed";
                yield new PaymentNotification.PaymentFailed(
                        metadata(object, StripeCardCheckouts.StripeCardCheckout.DONATION_ID), reason);
            }
            case "invoice.paid" ->
                new PaymentNotification.InvoicePaid(
                        required(object, "id"),
                        subscription(object),
                        subscriptionMetadata(object),
                        paymentIntentOf(object),
                        Money.of(
                                object.get("amount_paid").getLongValue(),
                                required(object, "currency").toUpperCase(Locale.ROOT)));
            case "invoice.payment_failed" ->
                new PaymentNotification.InvoiceFailed(
                        required(object, "id"),
                        subscription(object),
                        subscriptionMetadata(object),
                        object.get("attempt_count") == null
                                ? 1
                                : object.get("attempt_count").getIntValue());
            case "customer.subscription.deleted" ->
                new PaymentNotification.SubscriptionEnded(
                        required(object, "id"),
                        metadata(object, StripeCardCheckouts.StripeCardCheckout.RECURRING_GIFT_ID));
            case "charge.refunded" ->
                new PaymentNotification.Refunded(
                        metadata(object, StripeCardCheckouts.StripeCardCheckout.DONATION_ID),
                        required(object, "payment_intent"),
                        Money.of(
                                object.get("amount_refunded").getLongValue(),
                                required(object, "currency").toUpperCase(Locale.ROOT)),
                        required(object, "id"));
            case "charge.dispute.created", "charge.dispute.closed" ->
                new PaymentNotification.Disputed(
                        required(object, "payment_intent"),
                        switch (required(object, "status")) {
                            case "won" -> DisputeStatus.WON;
                            case "lost" -> DisputeStatus.LOST;
                            default -> DisputeStatus.OPEN;
                        },
                        Money.of(
                                object.get("amount").getLongValue(),
                                required(object, "currency").toUpperCase(Locale.ROOT)),
                        required(object, "id"));
            default -> new PaymentNotification.Ignored(type);
        };
    }

    /**
     * When the money moved, as Stripe says: a paid invoice's {@code status_transitions.paid_at}, else the event's
     * {@code created} (a checkout's payment, a refund, a dispute opened or closed happen when their event is
     * created; the checkout session's or the charge's own {@code created} is when it was opened or first charged).
     *
     * @param created the event's {@code created} (epoch seconds), null when it has none
     * @return null when neither says
     */
    static Instant occurredAt(String type, Long created, JsonNode object) {
        if ("invoice.paid".equals(type)) {
            JsonNode transitions = object.get("status_transitions");
            JsonNode paidAt = transitions == null || !transitions.isObject() ? null : transitions.get("paid_at");
            if (paidAt != null && paidAt.isNumber()) {
                return Instant.ofEpochSecond(paidAt.getLongValue());
            }
        }
        return created == null ? null : Instant.ofEpochSecond(created);
    }

    private static PaymentNotification completed(String type, JsonNode session) {
        String donation = metadata(session, StripeCardCheckouts.StripeCardCheckout.DONATION_ID);
        String recurring = metadata(session, StripeCardCheckouts.StripeCardCheckout.RECURRING_GIFT_ID);
        if (donation == null && recurring == null) {
            // a checkout this service did not open (e.g. another application on the same Stripe account)
            return new PaymentNotification.Ignored(type + " (not a gift)");
        }
        if ("subscription".equals(text(session, "mode"))) {
            return new PaymentNotification.SubscriptionCheckoutCompleted(
                    metadata(session, StripeCardCheckouts.StripeCardCheckout.RECURRING_GIFT_ID),
                    required(session, "subscription"));
        }
        if (!"paid".equals(text(session, "payment_status"))) {
            // e.g. a delayed payment method: the money is confirmed by a later async_payment_succeeded
            return new PaymentNotification.Ignored(type + " (" + text(session, "payment_status") + ")");
        }
        return new PaymentNotification.CheckoutPaid(
                metadata(session, StripeCardCheckouts.StripeCardCheckout.DONATION_ID),
                required(session, "payment_intent"));
    }

    /**
     * The payment intent that paid an invoice: {@code payment_intent} before API version 2025-03-31, since then
     * the paid entry of {@code payments} when the event includes it (it is not included by default: then null,
     * and the caller asks Stripe).
     */
    static String paymentIntentOf(JsonNode invoice) {
        String legacy = text(invoice, "payment_intent");
        if (legacy != null) {
            return legacy;
        }
        JsonNode payments = invoice.get("payments");
        JsonNode data = payments == null || !payments.isObject() ? null : payments.get("data");
        if (data == null || !data.isArray()) {
            return null;
        }
        for (JsonNode entry : data.values()) {
            JsonNode payment = entry.get("payment");
            if ("paid".equals(text(entry, "status")) && payment != null && payment.isObject()) {
                String intent = text(payment, "payment_intent");
                if (intent != null) {
                    return intent;
                }
            }
        }
        return null;
    }

    /** The subscription an invoice is for: {@code parent.subscription_details} (current API) or {@code subscription}. */
    private static String subscription(JsonNode invoice) {
        JsonNode details = subscriptionDetails(invoice);
        if (details != null && text(details, "subscription") != null) {
            return text(details, "subscription");
        }
        return required(invoice, "subscription");
    }

    private static String subscriptionMetadata(JsonNode invoice) {
        JsonNode details = subscriptionDetails(invoice);
        return details == null ? null : metadata(details, StripeCardCheckouts.StripeCardCheckout.RECURRING_GIFT_ID);
    }

    private static JsonNode subscriptionDetails(JsonNode invoice) {
        JsonNode parent = invoice.get("parent");
        if (parent != null && parent.isObject() && parent.get("subscription_details") != null) {
            return parent.get("subscription_details");
        }
        return invoice.get("subscription_details");
    }

    private static String metadata(JsonNode object, String key) {
        JsonNode metadata = object.get("metadata");
        return metadata == null || !metadata.isObject() ? null : text(metadata, key);
    }

    private static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value == null || !value.isString() ? null : value.getStringValue();
    }

    private static String required(JsonNode object, String field) {
        String value = text(object, field);
        if (value == null) {
            throw new IllegalArgumentException("the event's object has no " + field);
        }
        return value;
    }
}
