package org.endow.platform.payments;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.util.List;
import org.endow.platform.problem.ProblemException;

/**
 * Checks a webhook's {@code Stripe-Signature} against the endpoint secret on the raw body, as it
 * arrived (never a re-serialised one), refusing forged signatures and deliveries older than five
 * minutes.
 */
@Singleton
public class StripeWebhookVerifier {

    /** Stripe's recommended tolerance between the signed timestamp and now. */
    public static final long TOLERANCE_SECONDS = 300;

    private final StripeProperties properties;

    public StripeWebhookVerifier(StripeProperties properties) {
        this.properties = properties;
    }

    /**
     * @param rawBody the request body exactly as received
     * @param signatureHeader the {@code Stripe-Signature} header
     * @return the verified event
     * @throws ProblemException 400 when the signature is missing, forged or stale; 404 when no
     *     webhook secret is configured (no card payments here)
     */
    public Event verify(String rawBody, String signatureHeader) {
        String secret = properties.webhookSecret();
        if (secret == null || secret.isBlank()) {
            // no endpoint secret: this deployment takes no card payments, so there is no webhook endpoint
            throw new ProblemException(
                    HttpStatus.NOT_FOUND, "Webhooks are off", "endow.stripe.webhook-secret is not set", List.of());
        }
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST, "Not signed", "the Stripe-Signature header is missing", List.of());
        }
        try {
            return Webhook.constructEvent(rawBody, signatureHeader, secret, TOLERANCE_SECONDS);
        } catch (SignatureVerificationException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Signature refused", e.getMessage(), List.of());
        } catch (RuntimeException e) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST, "Not a Stripe event", "the body is not a Stripe event", List.of());
        }
    }
}
