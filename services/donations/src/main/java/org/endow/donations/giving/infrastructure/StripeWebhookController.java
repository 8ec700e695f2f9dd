package org.endow.donations.giving.infrastructure;

import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.endow.donations.giving.application.PaymentNotYetKnown;
import org.endow.donations.giving.application.PaymentNotification;
import org.endow.donations.giving.application.RecordingCardPayments;
import org.endow.platform.payments.ProcessedStripeEvents;
import org.endow.platform.payments.StripeWebhookVerifier;
import org.endow.platform.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stripe's webhook endpoint (public: Stripe signs, it does not sign in). The signature is checked on
 * the raw body with {@code Webhook.constructEvent} (tolerance 300 s) before anything is read; each
 * event is applied once ({@code stripe_event}, unique by id; a redelivered monthly invoice is
 * recognised before Stripe is asked which payment paid it). Answers: 200 applied or already
 * applied or not used; 400 not signed or not Stripe's; 503 with Retry-After when the event refers to
 * a payment not known yet (Stripe delivers it again later, so delivery order does not matter). A gift is dated
 * when Stripe says the money moved ({@link StripeNotifications#occurredAt}), not when the event arrives: Stripe
 * retries for days, and an outage of ours delays events too.
 */
@Controller("/api/donations/stripe")
@ExecuteOn(TaskExecutors.BLOCKING)
class StripeWebhookController {

    private static final Logger LOG = LoggerFactory.getLogger(StripeWebhookController.class);

    private final StripeWebhookVerifier verifier;
    private final RecordingCardPayments recording;
    private final JsonMapper json;
    private final StripeInvoicePayments invoicePayments;
    private final ProcessedStripeEvents processed;

    StripeWebhookController(
            StripeWebhookVerifier verifier,
            RecordingCardPayments recording,
            JsonMapper json,
            StripeInvoicePayments invoicePayments,
            ProcessedStripeEvents processed) {
        this.verifier = verifier;
        this.recording = recording;
        this.json = json;
        this.invoicePayments = invoicePayments;
        this.processed = processed;
    }

    @Post("/webhook")
    @Consumes({MediaType.APPLICATION_JSON, "application/json; charset=utf-8"})
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<Ack> webhook(@Body String rawBody, @Nullable @Header("Stripe-Signature") String signature) {
        Event event = verifier.verify(rawBody, signature);
        PaymentNotification notification;
        Instant occurredAt;
        try {
            JsonNode object =
                    json.readValue(rawBody, JsonNode.class).get("data").get("object");
            notification = StripeNotifications.of(event.getType(), object);
            occurredAt = StripeNotifications.occurredAt(event.getType(), event.getCreated(), object);
        } catch (IOException | RuntimeException e) {
            // signed by Stripe but not in a shape we read: acknowledged (Stripe would retry forever), kept in the log
            LOG.error("Stripe event {} ({}) could not be read: {}", event.getId(), event.getType(), e.toString());
            return HttpResponse.ok(new Ack(true, false));
        }
        if (notification instanceof PaymentNotification.InvoicePaid paid && paid.paymentId() == null) {
            // a redelivery is recognised before Stripe is asked (asking costs a call, and fails while Stripe is down)
            if (processed.applied(event.getId())) {
                LOG.info("Stripe event {} ({}) was already applied", event.getId(), event.getType());
                return HttpResponse.ok(new Ack(true, false));
            }
            notification = withPaymentIntent(event, paid);
        }
        try {
            boolean applied = recording.apply(event.getId(), event.getType(), rawBody, notification, occurredAt);
            return HttpResponse.ok(new Ack(true, applied));
        } catch (PaymentNotYetKnown e) {
            LOG.info("Stripe event {} ({}) deferred: {}", event.getId(), event.getType(), e.getMessage());
            throw new ProblemException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Not yet",
                    e.getMessage() + "; deliver this event again later",
                    List.of());
        }
    }

    /** The month's payment intent, asked of Stripe (current API versions do not put it in the invoice). */
    private PaymentNotification.InvoicePaid withPaymentIntent(Event event, PaymentNotification.InvoicePaid paid) {
        try {
            return invoicePayments
                    .paymentIntentOf(paid.invoiceId())
                    .map(intent -> new PaymentNotification.InvoicePaid(
                            paid.invoiceId(), paid.subscriptionId(), paid.recurringGiftId(), intent, paid.amount()))
                    .orElse(paid);
        } catch (StripeException e) {
            LOG.warn(
                    "Stripe event {} ({}) deferred: the invoice's payment could not be asked of Stripe: {}",
                    event.getId(),
                    event.getType(),
                    e.getMessage());
            throw new ProblemException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Not yet",
                    "the invoice's payment could not be asked of Stripe; deliver this event again later",
                    List.of());
        }
    }

    /** @param applied false for a redelivery or an event not used */
    @Serdeable
    record Ack(boolean received, boolean applied) {}
}
