package org.endow.donations.unmatched.application;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.endow.donations.giving.model.DisputeStatus;
import org.endow.donations.unmatched.model.TicketHolder;
import org.endow.donations.unmatched.model.TicketPayments;
import org.endow.donations.unmatched.model.UnmatchedStripeEvent;
import org.endow.donations.unmatched.model.UnmatchedStripeEvents;
import org.endow.kernel.Money;
import org.endow.platform.mail.Mail;
import org.endow.platform.mail.MailOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A refund or a dispute on a Stripe payment that paid no gift (e.g. a cancelled event's ticket refunded in Stripe's
 * dashboard, or disputed by its buyer) changes nothing in Endow, but it is the foundation's money: it is recorded once
 * per Stripe event, linked to the imported registration the payment paid when there is one, and staff are mailed.
 * Runs inside the transaction applying the Stripe event (it records the event id with these effects).
 */
@Singleton
public class RecordingUnmatchedStripeEvent {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingUnmatchedStripeEvent.class);

    private final UnmatchedStripeEvents unmatched;
    private final TicketPayments tickets;
    private final StripeEventDetails details;
    private final MailOutbox mails;
    private final UnmatchedSettings settings;

    RecordingUnmatchedStripeEvent(
            UnmatchedStripeEvents unmatched,
            TicketPayments tickets,
            StripeEventDetails details,
            MailOutbox mails,
            UnmatchedSettings settings) {
        this.unmatched = unmatched;
        this.tickets = tickets;
        this.details = details;
        this.mails = mails;
        this.settings = settings;
    }

    /**
     * A refund of a payment that paid no gift. Stripe reports the charge's running total refunded; what of it Endow
     * itself refunded on that card carrying out registrants' answers is that refund, the rest was refunded outside
     * Endow. It is recorded, and staff mailed, only when that outside part grew beyond the largest one recorded for
     * the payment: Endow's own refund of an answer, or a later event repeating an outside refund reported already,
     * records nothing.
     *
     * @param totalRefunded all Stripe has refunded of the charge so far (its {@code amount_refunded})
     */
    public void refunded(
            String eventId,
            String type,
            String rawBody,
            String paymentIntentId,
            String chargeId,
            Money totalRefunded,
            Instant now) {
        TicketPayments.Tickets paid = tickets.paidBy(paymentIntentId, totalRefunded.currencyCode());
        Money ours = paid.refundedOnCard();
        Money outside = totalRefunded.compareTo(ours) > 0
                ? totalRefunded.minus(ours)
                : Money.zero(totalRefunded.currencyCode());
        Money reported = unmatched.refundedOutsideSoFar(paymentIntentId, totalRefunded.currencyCode());
        if (outside.compareTo(reported) <= 0) {
            LOG.info(
                    "Stripe event {}: {} refunded of {}, of which {} by registrants' answers on that card; the {}"
                            + " refunded outside Endow is no more than reported already ({})",
                    eventId,
                    totalRefunded,
                    paymentIntentId,
                    ours,
                    outside,
                    reported);
            return;
        }
        StripeEventDetails.Details read = details.of(rawBody);
        record(new UnmatchedStripeEvent(
                eventId,
                type,
                UnmatchedStripeEvent.Kind.REFUND,
                paymentIntentId,
                chargeId,
                null,
                totalRefunded,
                paid.holders().isEmpty() ? null : ours,
                outside,
                outside.minus(reported),
                null,
                null,
                read.at().orElse(now),
                now,
                paid.holders(),
                Optional.empty()));
    }

    public void disputed(
            String eventId,
            String type,
            String rawBody,
            String paymentIntentId,
            String disputeId,
            DisputeStatus status,
            Money amount,
            Instant now) {
        StripeEventDetails.Details read = details.of(rawBody);
        record(new UnmatchedStripeEvent(
                eventId,
                type,
                UnmatchedStripeEvent.Kind.DISPUTE,
                paymentIntentId,
                read.chargeId().orElse(null),
                disputeId,
                amount,
                null,
                null,
                // the money is taken back when the dispute opens; its closing record closes that one
                type.equals("charge.dispute.created") ? amount : Money.zero(amount.currencyCode()),
                status,
                read.disputeReason().orElse(null),
                read.at().orElse(now),
                now,
                tickets.paidBy(paymentIntentId, amount.currencyCode()).holders(),
                Optional.empty()));
    }

    private void record(UnmatchedStripeEvent event) {
        if (!unmatched.addIfAbsent(event)) {
            LOG.info("Stripe event {} on {} is recorded already", event.stripeEventId(), event.paymentIntentId());
            return;
        }
        LOG.warn(
                "Stripe event {} ({}): {} on {}, which paid no gift; recorded for staff",
                event.stripeEventId(),
                event.type(),
                event.amount(),
                event.paymentIntentId());
        mails.enqueue(Mail.text(settings.staffEmail(), subject(event), body(event)));
    }

    static String subject(UnmatchedStripeEvent e) {
        return switch (e.kind()) {
            case REFUND ->
                "Stripe refunded " + e.newlyTaken().withSymbol()
                        + (e.newlyTaken().equals(e.refundedOutside()) ? "" : " more")
                        + " outside Endow of a payment that paid no gift";
            case DISPUTE ->
                switch (e.disputeStatus()) {
                    case OPEN -> "A bank disputes " + e.amount().withSymbol() + " of a payment that paid no gift";
                    case WON -> "Dispute won: " + e.amount().withSymbol() + " of a payment that paid no gift";
                    case LOST -> "Dispute lost: " + e.amount().withSymbol() + " of a payment that paid no gift";
                };
        };
    }

    static String body(UnmatchedStripeEvent e) {
        StringBuilder out = new StringBuilder("Stripe reported money taken back on a payment that paid no gift in"
                + " Endow. Nothing was changed in Endow: please check it against Stripe's payouts, settle it if"
                + " needed, and mark it explained on the staff donations page (/staff/donations).\n\n");
        out.append("What: ")
                .append(
                        e.kind() == UnmatchedStripeEvent.Kind.REFUND
                                ? "refund outside Endow, " + e.newlyTaken().withSymbol()
                                        + (e.newlyTaken().equals(e.refundedOutside())
                                                ? ""
                                                : " more than reported before ("
                                                        + e.refundedOutside().withSymbol()
                                                        + " refunded outside Endow so far)")
                                        + "; all refunded of this payment so far: "
                                        + e.amount().withSymbol()
                                        + (e.refundedByEndow() == null
                                                        || e.refundedByEndow().isZero()
                                                ? ""
                                                : ", of which "
                                                        + e.refundedByEndow().withSymbol()
                                                        + " by Endow on registrants' answers")
                                : "dispute, " + e.disputeStatus().name().toLowerCase(java.util.Locale.ROOT)
                                        + " (" + e.amount().withSymbol() + " disputed"
                                        + (e.disputeReason() == null ? "" : ", reason: " + e.disputeReason())
                                        + (e.newlyTaken().isZero()
                                                ? "; this closes the dispute reported when it opened:"
                                                        + " no new money taken back"
                                                : "; a dispute also costs Stripe's fee")
                                        + ")")
                .append('\n');
        out.append("When (Stripe): ").append(e.stripeAt()).append('\n');
        out.append("Payment: ").append(e.paymentIntentId()).append('\n');
        if (e.chargeId() != null) {
            out.append("Charge: ").append(e.chargeId()).append('\n');
        }
        if (e.disputeId() != null) {
            out.append("Dispute: ").append(e.disputeId()).append('\n');
        }
        out.append("Stripe event: ")
                .append(e.stripeEventId())
                .append(" (")
                .append(e.type())
                .append(")\n");
        List<TicketHolder> holders = e.tickets();
        out.append("Registration: ")
                .append(
                        holders.isEmpty()
                                ? "none imported with this payment"
                                : holders.stream()
                                        .map(t -> t.eventCode() + " / " + t.email())
                                        .collect(Collectors.joining(", ")))
                .append('\n');
        return out.toString();
    }
}
