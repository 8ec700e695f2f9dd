package org.endow.sponsors.sponsorships.application;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import org.endow.platform.payments.ProcessedStripeEvents;
import org.endow.platform.problem.ProblemException;
import org.endow.sponsors.sponsorships.model.Sponsorship;
import org.endow.sponsors.sponsorships.model.SponsorshipStatus;
import org.endow.sponsors.sponsorships.model.Sponsorships;

/**
 * The sponsor pays an executed sponsorship's invoice by card: a hosted checkout for the invoice's
 * total; only the provider's verified event records the payment (once per event id, and once per
 * sponsorship: a second payment event for a paid invoice changes nothing).
 */
@Singleton
public class PayingInvoice {

    private final Sponsorships sponsorships;
    private final InvoicePayments payments;
    private final RecordingSponsorshipPayment recording;
    private final ProcessedStripeEvents processed;
    private final SponsorshipTerms terms;
    private final io.micronaut.transaction.TransactionOperations<java.sql.Connection> transactions;

    PayingInvoice(
            Sponsorships sponsorships,
            InvoicePayments payments,
            RecordingSponsorshipPayment recording,
            ProcessedStripeEvents processed,
            SponsorshipTerms terms,
            io.micronaut.transaction.TransactionOperations<java.sql.Connection> transactions) {
        this.transactions = transactions;
        this.sponsorships = sponsorships;
        this.payments = payments;
        this.recording = recording;
        this.processed = processed;
        this.terms = terms;
    }

    public String checkout(String account, UUID id) {
        Sponsorship s = transactions.executeRead(status -> owned(account, id));
        if (!payments.enabled()) {
            throw new ProblemException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Card payments are off",
                    "Pay the invoice by bank transfer, quoting its number.",
                    List.of());
        }

        if (s.status() != SponsorshipStatus.EXECUTED) {
            throw ProblemException.conflict("Only an executed sponsorship's invoice can be paid; this one is "
                    + s.status().name().toLowerCase().replace('_', ' '));
        }
        try {
            return payments.checkout(
                    id.toString(),
                    s.invoiceNumber(),
                    terms.invoiceTotal(s.fee()),
                    s.organisation().accounting().email(),
                    "invoice-" + s.invoiceNumber());
        } catch (InvoicePayments.Unavailable e) {
            throw new ProblemException(
                    HttpStatus.BAD_GATEWAY,
                    "Payment provider unavailable",
                    e.getMessage() + ". Nothing was charged; please try again.",
                    List.of());
        }
    }

    private Sponsorship owned(String account, UUID id) {
        return sponsorships
                .find(id)
                .filter(s -> s.ownedBy(account))
                .orElseThrow(() -> ProblemException.notFound("No sponsorship " + id));
    }

    /** A verified provider event: the invoice of {@code sponsorshipId} was paid by {@code paymentId}. */
    @Transactional
    public boolean paid(String eventId, String type, String rawBody, String sponsorshipId, String paymentId) {
        if (!processed.firstDelivery(eventId, type, rawBody)) {
            return false;
        }
        UUID id;
        try {
            id = UUID.fromString(sponsorshipId);
        } catch (IllegalArgumentException e) {
            return false;
        }
        Sponsorship s = sponsorships.find(id).orElse(null);
        if (s == null || s.status() == SponsorshipStatus.PAID) {
            return false;
        }
        recording.paid("stripe", id, "card " + paymentId);
        return true;
    }
}
