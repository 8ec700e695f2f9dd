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
import org.endow.platform.payments.StripeWebhookVerifier;
import org.endow.sponsors.sponsorships.application.PayingInvoice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * sponsor-tiers' Stripe webhook endpoint: signature verified on the raw body; a paid checkout whose
 * metadata names a sponsorship records its invoice as paid, once; every other event (donations' own,
 * for instance) is acknowledged and left alone.
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
        try {
            JsonNode session =
                    json.readValue(rawBody, JsonNode.class).get("data").get("object");
            JsonNode metadata = session.get("metadata");
            JsonNode sponsorship = metadata == null ? null : metadata.get(StripeInvoicePayments.SPONSORSHIP_ID);
            JsonNode status = session.get("payment_status");
            JsonNode intent = session.get("payment_intent");
            if (sponsorship == null
                    || !sponsorship.isString()
                    || status == null
                    || !"paid".equals(status.getStringValue())) {
                return new Ack(true, false);
            }
            boolean applied = paying.paid(
                    event.getId(),
                    event.getType(),
                    rawBody,
                    sponsorship.getStringValue(),
                    intent != null && intent.isString() ? intent.getStringValue() : "");
            return new Ack(true, applied);
        } catch (IOException | RuntimeException e) {
            LOG.error("Stripe event {} could not be read: {}", event.getId(), e.toString());
            return new Ack(true, false);
        }
    }

    @Serdeable
    record Ack(boolean received, boolean applied) {}
}
