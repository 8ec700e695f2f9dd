package org.endow.donations.registrations.application;

import jakarta.inject.Singleton;
import java.time.Instant;
import org.endow.donations.registrations.model.Conversion;
import org.endow.donations.registrations.model.Registration;
import org.endow.donations.registrations.model.Registrations;
import org.endow.donations.registrations.model.TicketedEvent;
import org.endow.kernel.Money;
import org.endow.platform.mail.Mail;
import org.endow.platform.mail.MailOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a registrant's answer once: refunds the refunded part, records the donated part as a
 * received donation, and tells the registrant what happened.
 */
@Singleton
public class Settling {

    private static final Logger LOG = LoggerFactory.getLogger(Settling.class);

    private final Registrations registrations;
    private final RefundingPayments refunds;
    private final RecordingConvertedGift gifts;
    private final MailOutbox mails;

    Settling(Registrations registrations, RefundingPayments refunds, RecordingConvertedGift gifts, MailOutbox mails) {
        this.registrations = registrations;
        this.refunds = refunds;
        this.gifts = gifts;
        this.mails = mails;
    }

    /** What was done for one answer. */
    public record Settlement(Conversion conversion, RefundingPayments.Refund refund, String donationId) {}

    Settlement settle(TicketedEvent event, Registration registration, Conversion conversion, Instant now) {
        RefundingPayments.Refund refund = null;
        if (conversion.refunded().isPositive()) {
            refund = refunds.refund(registration, conversion.refunded());
        }
        String donationId = null;
        if (conversion.donated().isPositive()) {
            donationId = gifts.record(
                    registration,
                    conversion.donated(),
                    refundedBeforeGift(registration, conversion, refund),
                    event.fundCode(),
                    now);
        }
        registrations.recordSettlement(
                registration.eventCode(),
                registration.email(),
                refund == null ? null : refund.way().name(),
                refund == null ? null : refund.reference(),
                donationId);
        mails.enqueue(Mail.text(
                registration.email(),
                "Your ticket for " + event.name(),
                confirmation(event, registration, conversion, refund)));
        return new Settlement(conversion, refund, donationId);
    }

    /**
     * What of the ticket's card payment was refunded when the rest became the gift, if the gift can be linked to that
     * payment; null when it cannot. Linked, every later refund of the payment beyond this and a lost dispute of it are
     * the gift's, so the link is made only when the provider confirms that the payment paid this ticket alone (its
     * amount is the ticket's) and that nothing but this answer's own refund was refunded of it. Not linked: one
     * payment for several tickets or other things, a payment refunded in part before, a refund that went by bank.
     */
    private Money refundedBeforeGift(
            Registration registration, Conversion conversion, RefundingPayments.Refund refund) {
        if (registration.paymentIntentId().isEmpty()
                || (refund != null && refund.way() != RefundingPayments.Way.ON_CARD)) {
            return null;
        }
        Money ours = refund == null ? Money.zero(conversion.donated().currencyCode()) : conversion.refunded();
        RefundingPayments.CardPayment payment =
                refunds.cardPayment(registration).orElse(null);
        if (payment == null) {
            return null;
        }
        if (!payment.amount().equals(registration.paid()) || !payment.refunded().equals(ours)) {
            LOG.warn(
                    "The gift of {} at {} is not linked to payment {}: it took {} and {} of it is refunded, where the"
                            + " ticket was {} and this answer refunded {}; its later refunds and disputes are for staff",
                    registration.email(),
                    registration.eventCode(),
                    registration.paymentIntentId().get(),
                    payment.amount(),
                    payment.refunded(),
                    registration.paid(),
                    ours);
            return null;
        }
        return ours;
    }

    static String confirmation(
            TicketedEvent event, Registration registration, Conversion conversion, RefundingPayments.Refund refund) {
        StringBuilder text = new StringBuilder()
                .append("Dear ")
                .append(registration.name())
                .append(",\n\n")
                .append(event.name())
                .append(" was cancelled. ")
                .append(
                        registration.answeredByDefault()
                                ? "You did not answer by the deadline, so the event's default was applied.\n\n"
                                : "Thank you for your answer.\n\n");
        if (conversion.refunded().isPositive()) {
            text.append("Refunded: ")
                    .append(conversion.refunded().withSymbol())
                    .append(
                            refund != null && refund.way() == RefundingPayments.Way.ON_CARD
                                    ? " to the card you paid with.\n"
                                    : " by bank transfer; our staff will contact you for your account details.\n");
        }
        if (conversion.donated().isPositive()) {
            text.append("Donated: ")
                    .append(conversion.donated().withSymbol())
                    .append(". Thank you! Your receipt follows in a separate email.\n");
        }
        return text.append("\nThe Endow Foundation\n").toString();
    }
}
