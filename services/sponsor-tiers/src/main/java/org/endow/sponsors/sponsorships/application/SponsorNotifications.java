package org.endow.sponsors.sponsorships.application;

import jakarta.inject.Singleton;
import java.time.Instant;
import org.endow.kernel.HumanTime;
import org.endow.kernel.Money;
import org.endow.platform.mail.Mail;
import org.endow.platform.mail.MailOutbox;
import org.endow.sponsors.sponsorships.model.Sponsorship;

/** The emails of the sponsorship process, queued in the caller's transaction. */
@Singleton
class SponsorNotifications {

    private final MailOutbox mail;
    private final SponsorshipTerms terms;

    SponsorNotifications(MailOutbox mail, SponsorshipTerms terms) {
        this.mail = mail;
        this.terms = terms;
    }

    void applied(Sponsorship s) {
        mail.enqueue(Mail.text(
                terms.staffEmail(),
                "New sponsorship application: " + s.organisation().name(),
                s.organisation().name() + " applied for the " + s.selection().packageCode() + " package ("
                        + s.selection().year() + "), fee " + s.fee().withSymbol() + ".\n\nReview it: " + link(s)));
        toSponsor(
                s,
                "We received your sponsorship application",
                "Thank you for applying to sponsor " + terms.foundation().name() + " with the "
                        + s.selection().packageCode() + " package. Our staff will review it and write to you.");
    }

    void approved(Sponsorship s) {
        toSponsor(
                s,
                "Your sponsorship is approved",
                "Good news: your sponsorship (" + s.selection().packageCode() + ", "
                        + s.fee().withSymbol() + ", "
                        + HumanTime.day(s.startDate()) + " to " + HumanTime.day(s.endDate())
                        + ") is approved. The contract follows for you to sign"
                        + " in the portal: " + link(s));
    }

    void rejected(Sponsorship s) {
        toSponsor(
                s,
                "Your sponsorship application",
                "We are sorry: we cannot accept your application. " + s.decisionNote());
    }

    void sentBack(Sponsorship s) {
        toSponsor(
                s,
                "Please review your sponsorship application",
                "Our staff ask you to change your application: " + s.decisionNote() + "\n\nChange it here: " + link(s));
    }

    void contractSent(Sponsorship s) {
        toSponsor(
                s,
                "Your sponsorship contract is ready to sign",
                "Please read and sign your contract (revision " + s.revision() + ") in the portal: " + link(s));
    }

    /** Staff are told the sponsor signed: they countersign next. */
    void signed(Sponsorship s) {
        Sponsorship.Signature signature = s.sponsorSignature();
        mail.enqueue(Mail.text(
                terms.staffEmail(),
                s.organisation().name() + " signed the sponsorship contract: countersign it",
                signature.name() + " (" + signature.title() + ") signed revision " + s.revision()
                        + " of the contract for " + s.organisation().name() + " ("
                        + s.selection().packageCode()
                        + ", " + s.fee().withSymbol() + ") on " + HumanTime.minute(signature.at())
                        + ". It waits for the foundation's countersignature: " + link(s)));
    }

    void executed(Sponsorship s, byte[] contract, byte[] invoice) {
        mail.enqueue(new Mail(
                        s.organisation().primary().email(),
                        "Your sponsorship contract is executed",
                        "Dear " + s.organisation().primary().name() + ",\n\nBoth parties have signed. The executed"
                                + " contract is attached; the invoice " + s.invoiceNumber() + " goes to your"
                                + " accounting contact.\n\n" + link(s),
                        java.util.List.of())
                .with(Mail.Attachment.pdf("contract-" + s.id() + "-r" + s.revision() + ".pdf", contract)));
        mail.enqueue(new Mail(
                        s.organisation().accounting().email(),
                        "Invoice " + s.invoiceNumber() + " from "
                                + terms.foundation().name(),
                        "Dear " + s.organisation().accounting().name() + ",\n\nPlease find attached invoice "
                                + s.invoiceNumber() + ", due on " + HumanTime.day(s.invoiceDue())
                                + ". Pay by bank transfer quoting "
                                + s.invoiceNumber() + ".",
                        java.util.List.of())
                .with(Mail.Attachment.pdf("invoice-" + s.invoiceNumber() + ".pdf", invoice)));
    }

    void nullified(Sponsorship s) {
        toSponsor(
                s,
                "Your sponsorship contract was replaced",
                "The previous contract was withdrawn (" + s.decisionNote() + "). A new revision (" + s.revision()
                        + ") follows for you to sign: " + link(s));
    }

    void paid(Sponsorship s) {
        toSponsor(
                s,
                "Thank you: payment received",
                "We received the payment of invoice " + s.invoiceNumber() + ". Thank you for sponsoring "
                        + terms.foundation().name() + "!");
    }

    /**
     * Staff are told of a card payment that was charged but could not be applied: they refund it, or
     * re-execute the contract (or settle a different amount with the sponsor) and record it.
     *
     * @param s the sponsorship, {@code null} when the payment names none that exists
     * @param amount {@code null} when the provider did not say
     * @param decide what staff choose between, for the subject ("refund or re-execute")
     */
    void cardPaymentNotApplied(
            String sponsorshipId,
            Sponsorship s,
            String paymentId,
            Money amount,
            Instant at,
            String why,
            String decide) {
        String who = s == null ? "" : " (" + s.organisation().name() + ")";
        mail.enqueue(Mail.text(
                terms.staffEmail(),
                "Card payment" + (s == null ? "" : " from " + s.organisation().name()) + " could not be applied: "
                        + decide,
                "The card payment " + paymentId + " for sponsorship " + sponsorshipId + who
                        + (amount == null ? "" : " of " + amount.withSymbol()) + " could not be applied: " + why
                        + ".\n\nThe payment provider took it on " + HumanTime.minute(at)
                        + ". Nothing was recorded as paid and nothing reached the funds ledger."
                        + (s == null ? "" : "\n\nThe sponsorship: " + link(s))));
    }

    private void toSponsor(Sponsorship s, String subject, String text) {
        mail.enqueue(Mail.text(
                s.organisation().primary().email(),
                subject,
                "Dear " + s.organisation().primary().name() + ",\n\n" + text));
    }

    private String link(Sponsorship s) {
        return terms.portalUrl().replaceAll("/+$", "") + "/sponsors/sponsorships/" + s.id();
    }
}
