package org.endow.sponsors.sponsorships.infrastructure;

import com.stripe.model.Event;
import io.micronaut.core.annotation.Nullable;
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
import java.util.Locale;
import org.endow.kernel.Money;
import org.endow.platform.payments.StripeWebhookVerifier;
import org.endow.sponsors.sponsorships.application.PayingInvoice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * sponsor-tiers' Stripe webhook endpoint: signature verified on the raw body; a paid checkout whose
 * metadata names a sponsorship records its invoice as paid, once, or, when the invoice cannot take
 * it, is kept and reported to staff; every other event (donations' own, for instance) is acknowledged
 * and left alone. The answer is 200 only once what the event changed is committed.
 */
@Controller("/api/sponsors/stripe")
@ExecuteOn(TaskExecutors.BLOCKING)
class StripeWebhookController {

    private static final Logger LOG = LoggerFactory.getLogger(StripeWebhookController.class);

    private final StripeWebhookVerifier verifier;
    private final PayingInvoice paying;
    private final JsonMapper json;

    StripeWebhookController(StripeWebhookVerifier verifier, PayingInvoice paying, JsonMapper json) {
        this.verifier = verifier;
        this.paying = paying;
        this.json = json;
    }

    @Post("/webhook")
    @Consumes({MediaType.APPLICATION_JSON, "application/json; charset=utf-8"})
    @Secured(SecurityRule.IS_ANONYMOUS)
    Ack webhook(@Body String rawBody, @Nullable @Header("Stripe-Signature") String signature) {
        Event event = verifier.verify(rawBody, signature);
        if (!"checkout.session.completed".equals(event.getType())) {
            return new Ack(true, false);
        }
        PayingInvoice.CardPayment payment;
        try {
            payment = read(event, rawBody);
        } catch (IOException | RuntimeException e) {
            LOG.error("Stripe event {} could not be read: {}", event.getId(), e.toString());
            return new Ack(true, false);
        }
        if (payment == null) {
            return new Ack(true, false);
        }
        // not caught: a payment the invoice cannot take is kept and reported to staff (and committed)
        // before this answers; any other failure answers 5xx, and Stripe delivers the event again
        return new Ack(true, paying.paid(payment) == PayingInvoice.Outcome.APPLIED);
    }

    /** @return the paid checkout of a sponsorship's invoice, or {@code null} when it is none */
    private PayingInvoice.CardPayment read(Event event, String rawBody) throws IOException {
        JsonNode session = json.readValue(rawBody, JsonNode.class).get("data").get("object");
        JsonNode metadata = session.get("metadata");
        JsonNode sponsorship = metadata == null ? null : metadata.get(StripeInvoicePayments.SPONSORSHIP_ID);
        JsonNode status = session.get("payment_status");
        if (sponsorship == null
                || !sponsorship.isString()
                || status == null
                || !"paid".equals(status.getStringValue())) {
            return null;
        }
        JsonNode intent = session.get("payment_intent");
        return new PayingInvoice.CardPayment(
                event.getId(),
                event.getType(),
                rawBody,
                sponsorship.getStringValue(),
                intent != null && intent.isString() ? intent.getStringValue() : "",
                amount(session),
                event.getCreated() == null ? null : Instant.ofEpochSecond(event.getCreated()));
    }

    /** What was charged, or {@code null} when the session does not say in a form we know. */
    private static Money amount(JsonNode session) {
        JsonNode total = session.get("amount_total");
        JsonNode currency = session.get("currency");
        if (total == null || !total.isNumber() || currency == null || !currency.isString()) {
            return null;
        }
        try {
            return Money.of(total.getLongValue(), currency.getStringValue().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Serdeable
    record Ack(boolean received, boolean applied) {}
}
