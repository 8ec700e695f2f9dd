package org.endow.donations.giving.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.endow.donations.giving.model.CardPayments;
import org.endow.donations.giving.model.Donation;
import org.endow.donations.giving.model.DonationEvent;
import org.endow.donations.giving.model.DonationId;
import org.endow.donations.giving.model.Donations;
import org.endow.donations.giving.model.RecurringGift;
import org.endow.donations.giving.model.RecurringGifts;
import org.endow.donations.unmatched.application.RecordingUnmatchedStripeEvent;
import org.endow.kernel.Money;
import org.endow.platform.messaging.Outbox;
import org.endow.platform.payments.ProcessedStripeEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a verified payment-provider event, once: the event id is recorded in the same
 * transaction as its effects (a duplicate, or a concurrent second delivery, finds it and does
 * nothing), and the gift's row is locked while it changes. Events may arrive in any order: a refund
 * reported before the payment is kept and published after it; an event about a payment not known
 * yet is refused with {@link PaymentNotYetKnown} so that the provider delivers it again later. What the money did
 * (paid, refunded, disputed) is dated when the provider says it happened, however late the event arrives; the
 * clock dates only what is about this service's processing.
 */
@Singleton
public class RecordingCardPayments {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingCardPayments.class);

    private final ProcessedStripeEvents processed;
    private final Donations donations;
    private final RecurringGifts recurring;
    private final CardPayments payments;
    private final Outbox outbox;
    private final DonorMails mails;
    private final RecordingUnmatchedStripeEvent unmatched;
    private final Clock clock;

    /** How far ahead of this service's clock the provider's time of an event may be (two clocks, not one). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    RecordingCardPayments(
            ProcessedStripeEvents processed,
            Donations donations,
            RecurringGifts recurring,
            CardPayments payments,
            Outbox outbox,
            DonorMails mails,
            RecordingUnmatchedStripeEvent unmatched,
            Clock clock) {
        this.processed = processed;
        this.donations = donations;
        this.recurring = recurring;
        this.payments = payments;
        this.outbox = outbox;
        this.mails = mails;
        this.unmatched = unmatched;
        this.clock = clock;
    }

    /**
     * @param occurredAt when the money moved, as the provider says (null when it does not): the time a gift is paid,
     *     refunded or disputed at; this service's clock's when it is missing or later than now (beyond {@link
     *     #CLOCK_SKEW})
     * @return false when this event was applied before (a redelivery): nothing changed
     */
    @Transactional
    public boolean apply(
            String eventId, String type, String rawBody, PaymentNotification notification, Instant occurredAt) {
        if (!processed.firstDelivery(eventId, type, rawBody)) {
            LOG.info("Stripe event {} ({}) was already applied", eventId, type);
            return false;
        }
        Instant now = clock.instant();
        Instant at = moneyMoved(eventId, type, occurredAt, now);
        switch (notification) {
            case PaymentNotification.CheckoutPaid paid -> checkoutPaid(paid, at);
            case PaymentNotification.SubscriptionCheckoutCompleted completed -> {
                RecurringGift gift = recurringGift(completed.recurringGiftId());
                payments.subscribed(completed.subscriptionId(), gift.id());
                started(gift, now);
            }
            case PaymentNotification.CheckoutExpired expired -> {
                if (expired.donationId() != null) {
                    Donation donation = donation(expired.donationId());
                    donation.abandon();
                    donations.update(donation);
                }
            }
            case PaymentNotification.PaymentFailed failed -> {
                if (failed.donationId() != null) {
                    mails.cardDeclined(donation(failed.donationId()), failed.reason());
                }
            }
            case PaymentNotification.DelayedPaymentFailed failed -> {
                Donation donation = donation(failed.donationId());
                if (donation.abandon()) {
                    donations.update(donation);
                    mails.delayedPaymentFailed(donation);
                }
            }
            case PaymentNotification.InvoicePaid invoice -> invoicePaid(invoice, now, at);
            case PaymentNotification.InvoiceFailed failed ->
                mails.monthlyPaymentFailed(
                        recurringGiftOf(failed.subscriptionId(), failed.recurringGiftId()), failed.attempt());
            case PaymentNotification.SubscriptionEnded ended -> {
                RecurringGift gift = recurringGiftOf(ended.subscriptionId(), ended.recurringGiftId());
                gift.cancel(now, "the subscription was cancelled").ifPresent(cancelled -> {
                    recurring.update(gift);
                    DonationIntegrationEvents.publish(outbox, cancelled);
                    mails.monthlyCancelled(gift, cancelled.reason());
                });
            }
            case PaymentNotification.Refunded refunded -> {
                Optional<CardPayments.GiftPayment> payment = payments.giftPaidBy(refunded.paymentId());
                if (refunded.donationId() == null && payment.isEmpty()) {
                    // not a gift's payment (e.g. a cancelled event's ticket refunded in Stripe's dashboard): still the
                    // foundation's money, recorded for staff, who are mailed
                    unmatched.refunded(
                            eventId,
                            type,
                            rawBody,
                            refunded.paymentId(),
                            refunded.reference(),
                            refunded.totalRefunded(),
                            now);
                    return true;
                }
                Donation donation = refunded.donationId() != null
                        ? donation(refunded.donationId())
                        : donationPaidBy(refunded.paymentId());
                refunded(eventId, refunded, payment, donation, at);
            }
            case PaymentNotification.Disputed disputed -> {
                if (payments.donationPaidBy(disputed.paymentId()).isEmpty()) {
                    // disputes come days after the payment: one on an unknown payment is on no gift of ours (e.g. a
                    // ticket's buyer disputed it); the bank takes the money and a fee: recorded for staff, mailed
                    unmatched.disputed(
                            eventId,
                            type,
                            rawBody,
                            disputed.paymentId(),
                            disputed.disputeId(),
                            disputed.status(),
                            disputed.amount(),
                            now);
                    return true;
                }
                Donation donation = donationPaidBy(disputed.paymentId());
                donation.disputed(disputed.status(), disputed.amount(), at, disputed.disputeId())
                        .ifPresent(event -> DonationIntegrationEvents.publish(outbox, event));
                donations.update(donation);
            }
            case PaymentNotification.Ignored ignored ->
                LOG.info("Stripe event {} of type {} acknowledged, not used", eventId, ignored.type());
        }
        return true;
    }

    /**
     * Stripe's {@code amount_refunded} is the payment's; a payment that paid more than its gift (a converted
     * ticket) had the part not donated refunded before the gift existed: only what goes beyond that is the gift's.
     */
    private void refunded(
            String eventId,
            PaymentNotification.Refunded refunded,
            Optional<CardPayments.GiftPayment> payment,
            Donation donation,
            Instant at) {
        Optional<CardPayments.GiftPayment> linked =
                payment.filter(p -> p.donation().equals(donation.id()));
        Money ofTheGift =
                linked.map(p -> p.refundedOfTheGift(refunded.totalRefunded())).orElse(refunded.totalRefunded());
        if (linked.isPresent() && ofTheGift.compareTo(donation.amount()) > 0) {
            // e.g. a ticket's payment larger than the amount it was imported with, or refunded on it before the
            // registrant answered (then Stripe refused our refund and it is due by bank): the gift is refunded, not
            // more; refusing would have Stripe deliver this again for days
            LOG.warn(
                    "Stripe event {}: {} of payment {} refunded beyond the gift {} of {}; the gift is refunded in full",
                    eventId,
                    ofTheGift,
                    refunded.paymentId(),
                    donation.id(),
                    donation.amount());
            ofTheGift = donation.amount();
        }
        donation.refundedInTotal(ofTheGift, at, refunded.reference()).ifPresent(event -> {
            DonationIntegrationEvents.publish(outbox, event);
            mails.refunded(donation, event.part());
        });
        donations.update(donation);
    }

    /** When the provider says the money moved, unless that is missing or absurd: then now, logged. */
    private static Instant moneyMoved(String eventId, String type, Instant occurredAt, Instant now) {
        if (occurredAt == null || occurredAt.getEpochSecond() <= 0) {
            LOG.warn("Stripe event {} ({}) does not say when it happened: dated {}, when applied", eventId, type, now);
            return now;
        }
        if (occurredAt.isAfter(now.plus(CLOCK_SKEW))) {
            LOG.warn(
                    "Stripe event {} ({}) says it happened at {}, later than now: dated {}, when applied",
                    eventId,
                    type,
                    occurredAt,
                    now);
            return now;
        }
        return occurredAt;
    }

    private void checkoutPaid(PaymentNotification.CheckoutPaid paid, Instant at) {
        Donation donation = donation(paid.donationId());
        payments.paid(paid.paymentId(), donation.id());
        for (DonationEvent event : donation.paidByCard(at, paid.paymentId())) {
            DonationIntegrationEvents.publish(outbox, event);
            if (event instanceof DonationEvent.DonationRefunded refunded) {
                mails.refunded(donation, refunded.part());
            }
        }
        donations.update(donation);
    }

    private void invoicePaid(PaymentNotification.InvoicePaid invoice, Instant now, Instant at) {
        RecurringGift gift = recurringGiftOf(invoice.subscriptionId(), invoice.recurringGiftId());
        if (payments.recurringGiftOf(invoice.subscriptionId()).isEmpty()) {
            // the invoice came before the checkout's completion: the subscription is known from it
            payments.subscribed(invoice.subscriptionId(), gift.id());
        }
        started(gift, now);
        if (!invoice.amount().isPositive()) {
            // e.g. a month fully covered by a coupon or the customer's credit: nothing was given
            LOG.info(
                    "Invoice {} of subscription {} took {}: no gift to record",
                    invoice.invoiceId(),
                    invoice.subscriptionId(),
                    invoice.amount());
            return;
        }
        if (!invoice.amount().equals(gift.monthly())) {
            LOG.warn(
                    "Invoice {} of subscription {} is {} but the monthly gift is {}: recording what was paid",
                    invoice.invoiceId(),
                    invoice.subscriptionId(),
                    invoice.amount(),
                    gift.monthly());
        }
        DonationId paymentId = new DonationId(UUID.nameUUIDFromBytes(
                ("invoice:" + invoice.invoiceId()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        if (donations.find(paymentId).isPresent()) {
            return;
        }
        Donation month;
        try {
            month = gift.monthlyPayment(paymentId, invoice.amount(), at);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invoice " + invoice.invoiceId() + ": " + e.getMessage(), e);
        }
        donations.add(month, "invoice:" + invoice.invoiceId());
        if (invoice.paymentId() != null) {
            // refunds and disputes name the payment intent: they find this month by it
            payments.paid(invoice.paymentId(), paymentId);
        } else {
            LOG.warn(
                    "Invoice {} of subscription {} names no payment intent: its refunds and disputes will not"
                            + " find this month",
                    invoice.invoiceId(),
                    invoice.subscriptionId());
        }
        for (DonationEvent event : month.paidByCard(at, invoice.invoiceId())) {
            DonationIntegrationEvents.publish(outbox, event);
        }
        donations.update(month);
    }

    private void started(RecurringGift gift, Instant now) {
        gift.start(now).ifPresent(started -> {
            recurring.update(gift);
            DonationIntegrationEvents.publish(outbox, started);
            mails.monthlyStarted(gift);
        });
    }

    private Donation donation(String id) {
        DonationId donationId;
        try {
            donationId = new DonationId(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw new PaymentNotYetKnown("'" + id + "' is not a donation id");
        }
        return donations.lock(donationId).orElseThrow(() -> new PaymentNotYetKnown("no donation " + id));
    }

    private Donation donationPaidBy(String paymentId) {
        return payments.donationPaidBy(paymentId)
                .flatMap(donations::lock)
                .orElseThrow(() -> new PaymentNotYetKnown("no gift paid by " + paymentId + " yet"));
    }

    private RecurringGift recurringGift(String id) {
        UUID giftId;
        try {
            giftId = UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PaymentNotYetKnown("'" + id + "' is not a monthly gift id");
        }
        return recurring.lock(giftId).orElseThrow(() -> new PaymentNotYetKnown("no monthly gift " + id));
    }

    private RecurringGift recurringGiftOf(String subscriptionId, String recurringGiftId) {
        return payments.recurringGiftOf(subscriptionId)
                .flatMap(recurring::lock)
                .or(() -> recurringGiftId == null
                        ? java.util.Optional.empty()
                        : java.util.Optional.of(recurringGift(recurringGiftId)))
                .orElseThrow(
                        () -> new PaymentNotYetKnown("no monthly gift for subscription " + subscriptionId + " yet"));
    }
}
