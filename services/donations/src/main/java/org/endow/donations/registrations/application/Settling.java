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

/**
 * Carries out a registrant's answer once: refunds the refunded part, records the donated part as a
 * received donation, and tells the registrant what happened.
 */
@Singleton
public class Settling {

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
            Money refundedOnCard = refund != null && refund.way() == RefundingPayments.Way.ON_CARD
                    ? conversion.refunded()
                    : Money.zero(conversion.donated().currencyCode());
            donationId = gifts.record(registration, conversion.donated(), refundedOnCard, event.fundCode(), now);
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
