package org.endow.sponsors.sponsorships.application;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.endow.kernel.HumanTime;
import org.endow.kernel.Money;
import org.endow.platform.payments.ProcessedStripeEvents;
import org.endow.platform.problem.ProblemException;
import org.endow.sponsors.audit.model.AuditTrail;
import org.endow.sponsors.sponsorships.model.Sponsorship;
import org.endow.sponsors.sponsorships.model.SponsorshipStatus;
import org.endow.sponsors.sponsorships.model.Sponsorships;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sponsor pays an executed sponsorship's invoice by card: a hosted checkout for the invoice's
 * total; only the provider's verified event records the payment, once per event id. A payment the
 * invoice can no longer take (the contract was nullified after the sponsor opened the checkout, the
 * invoice was paid by transfer meanwhile, the sponsorship is unknown) was still charged: it is kept,
 * audited and reported to staff, who refund it or re-execute the contract. So is a payment of another
 * amount or currency than the issued invoice's total ({@link SponsorshipTerms#invoiceTotal(Sponsorship)},
 * kept at the countersignature, whatever the tax settings say since): the
 * sponsorship stays unpaid, and staff refund it or settle the difference and record the invoice paid. The invoice
 * is paid when the provider took the money (its event's time), not when the event arrives: Stripe retries for days,
 * and an outage of ours delays events too.
 */
@Singleton
public class PayingInvoice {

    private static final Logger LOG = LoggerFactory.getLogger(PayingInvoice.class);

    /** How far ahead of this service's clock the provider's time of a payment may be (two clocks, not one). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final Sponsorships sponsorships;
    private final InvoicePayments payments;
    private final RecordingSponsorshipPayment recording;
    private final ProcessedStripeEvents processed;
    private final SponsorshipTerms terms;
    private final AuditTrail audit;
    private final SponsorNotifications notifications;
    private final Clock clock;
    private final io.micronaut.transaction.TransactionOperations<java.sql.Connection> transactions;

    PayingInvoice(
            Sponsorships sponsorships,
            InvoicePayments payments,
            RecordingSponsorshipPayment recording,
            ProcessedStripeEvents processed,
            SponsorshipTerms terms,
            AuditTrail audit,
            SponsorNotifications notifications,
            Clock clock,
            io.micronaut.transaction.TransactionOperations<java.sql.Connection> transactions) {
        this.transactions = transactions;
        this.audit = audit;
        this.notifications = notifications;
        this.clock = clock;
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
                    terms.invoiceTotal(s),
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

    /**
     * A verified provider event: a checkout for the invoice of {@code sponsorshipId} was paid.
     *
     * @param rawBody the event as the provider sent it, kept
     * @param sponsorshipId as the checkout's metadata names it
     * @param paymentId the provider's payment ("" when the event names none)
     * @param amount what was charged; {@code null} when the event does not say
     * @param at when the provider took the payment; {@code null} when the event does not say
     */
    public record CardPayment(
            String eventId,
            String type,
            String rawBody,
            String sponsorshipId,
            String paymentId,
            Money amount,
            Instant at) {}

    /** What became of a payment event. */
    public enum Outcome {
        /** The invoice is paid. */
        APPLIED,
        /** Charged, but the invoice could not take it: kept, audited and reported to staff. */
        NOT_APPLIED,
        /** This event was received before; nothing changed. */
        REDELIVERY
    }

    /**
     * Records a card payment, once per event, in one transaction: the event, and either the invoice
     * paid or the payment reported as not applied. Anything else that fails rolls all of it back, so
     * the provider delivers the event again.
     */
    @Transactional
    public Outcome paid(CardPayment payment) {
        if (!processed.firstDelivery(payment.eventId(), payment.type(), payment.rawBody())) {
            return Outcome.REDELIVERY;
        }
        Sponsorship s = id(payment.sponsorshipId()).flatMap(sponsorships::lock).orElse(null);
        if (s == null) {
            notApplied(payment, null, "no sponsorship has this id; refund it");
            return Outcome.NOT_APPLIED;
        }
        if (s.status() == SponsorshipStatus.PAID) {
            notApplied(
                    payment,
                    s,
                    "the sponsorship is paid already (invoice " + s.invoiceNumber()
                            + (s.paymentReference() == null ? "" : ", reference " + s.paymentReference())
                            + ", recorded " + HumanTime.minute(s.paidAt())
                            + "); refund it: the invoice was paid twice");
            return Outcome.NOT_APPLIED;
        }
        if (s.status() != SponsorshipStatus.EXECUTED) {
            notApplied(
                    payment,
                    s,
                    "the sponsorship is "
                            + s.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                            + "; refund it or re-execute the contract and record this payment with reference \""
                            + reference(payment) + "\"");
            return Outcome.NOT_APPLIED;
        }
        Money asked = terms.invoiceTotal(s);
        if (!asked.equals(payment.amount())) {
            // a coupon, a partial payment, a checkout of another invoice revision: not the invoice paid in full
            notApplied(
                    payment,
                    s,
                    (payment.amount() == null
                                    ? "the payment provider did not say what it charged, and invoice "
                                    : "it is not the invoice's total: invoice ")
                            + s.invoiceNumber() + " asks for " + asked.withCode()
                            + (asked.equals(s.fee())
                                    ? ""
                                    : " (the fee of " + s.fee().withCode() + " and its tax)")
                            + "; refund it, or settle the difference with the sponsor and record the invoice paid"
                            + " with reference \"" + reference(payment) + "\"",
                    "refund or settle");
            return Outcome.NOT_APPLIED;
        }
        recording.paid("stripe", s.id(), reference(payment), takenAt(payment));
        return Outcome.APPLIED;
    }

    private void notApplied(CardPayment payment, Sponsorship s, String why) {
        notApplied(payment, s, why, "refund or re-execute");
    }

    private void notApplied(CardPayment payment, Sponsorship s, String why, String decide) {
        Instant at = takenAt(payment);
        audit.record(
                "stripe",
                "sponsorship.card-payment-not-applied",
                "sponsorship:" + payment.sponsorshipId(),
                reference(payment) + ", "
                        + (payment.amount() == null
                                ? "amount not stated"
                                : payment.amount().withCode())
                        + ", event " + payment.eventId() + ": " + why,
                clock.instant());
        notifications.cardPaymentNotApplied(
                payment.sponsorshipId(), s, payment.paymentId(), payment.amount(), at, why, decide);
    }

    /** When the provider took the payment, unless it does not say or says a time still to come: then now, logged. */
    private Instant takenAt(CardPayment payment) {
        Instant now = clock.instant();
        if (payment.at() == null || payment.at().getEpochSecond() <= 0) {
            LOG.warn("Stripe event {} does not say when it was paid: dated {}, when applied", payment.eventId(), now);
            return now;
        }
        if (payment.at().isAfter(now.plus(CLOCK_SKEW))) {
            LOG.warn(
                    "Stripe event {} says it was paid at {}, later than now: dated {}, when applied",
                    payment.eventId(),
                    payment.at(),
                    now);
            return now;
        }
        return payment.at();
    }

    private static String reference(CardPayment payment) {
        return "card " + payment.paymentId();
    }

    private static Optional<UUID> id(String sponsorshipId) {
        try {
            return Optional.of(UUID.fromString(sponsorshipId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
