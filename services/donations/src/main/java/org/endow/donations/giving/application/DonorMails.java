package org.endow.donations.giving.application;

import jakarta.inject.Singleton;
import org.endow.donations.giving.model.Donation;
import org.endow.donations.giving.model.DonorContact;
import org.endow.donations.giving.model.RecurringGift;
import org.endow.kernel.Money;
import org.endow.platform.mail.Mail;
import org.endow.platform.mail.MailOutbox;

/**
 * The emails a donor waits on besides the receipt (which the receipts feature sends): a refund, a
 * monthly gift started or ended, a card that failed. Queued in the caller's transaction.
 */
@Singleton
class DonorMails {

    private final MailOutbox mail;

    DonorMails(MailOutbox mail) {
        this.mail = mail;
    }

    void refunded(Donation donation, Money part) {
        send(
                donation.options().contact(),
                "Your gift was refunded: " + part.withSymbol(),
                "We have refunded " + part.withSymbol() + " of your gift of "
                        + donation.amount().withSymbol()
                        + " (" + donation.id() + ").\n\n"
                        + (donation.method().name().equals("CARD")
                                ? "It will appear on your card statement within 5 to 10 days."
                                : "We send it back the way you paid; allow a few days for it to arrive.")
                        + "\n\nIf you did not ask for this refund, reply to this email.");
    }

    void monthlyStarted(RecurringGift gift) {
        send(
                gift.options().contact(),
                "Your monthly gift of " + gift.monthly().withSymbol() + " has started",
                "Thank you! Your card will be charged " + gift.monthly().withSymbol()
                        + " each month, and each payment gets its own receipt.\n\n"
                        + "You can cancel at any time from \"My giving\" in the portal.");
    }

    void monthlyCancelled(RecurringGift gift, String reason) {
        send(
                gift.options().contact(),
                "Your monthly gift has ended",
                "Your monthly gift of " + gift.monthly().withSymbol() + " has ended (" + reason
                        + "). No further payments will be taken.\n\nThank you for your support.");
    }

    void monthlyPaymentFailed(RecurringGift gift, int attempt) {
        send(
                gift.options().contact(),
                "We could not take this month's gift",
                "Your card was declined for this month's gift of "
                        + gift.monthly().withSymbol() + " (attempt "
                        + attempt + ").\n\nThe payment will be retried over the next days; if your card has"
                        + " changed, cancel the monthly gift in \"My giving\" and start a new one.");
    }

    void cardDeclined(Donation donation, String reason) {
        send(
                donation.options().contact(),
                "Your card was declined",
                "Your gift of " + donation.amount().withSymbol() + " could not be taken: " + reason
                        + "\n\nNothing was charged. You can try again with another card from the donate page,"
                        + " or give by bank transfer or cheque.");
    }

    void delayedPaymentFailed(Donation donation) {
        send(
                donation.options().contact(),
                "Your gift could not be collected",
                "Your gift of " + donation.amount().withSymbol() + " could not be collected: your bank did not"
                        + " complete the payment.\n\nNothing was taken. You can give again from the donate page,"
                        + " with a card or by bank transfer or cheque.");
    }

    private void send(DonorContact contact, String subject, String text) {
        if (contact != null) {
            mail.enqueue(Mail.text(contact.email(), subject, "Dear " + contact.name() + ",\n\n" + text));
        }
    }
}
