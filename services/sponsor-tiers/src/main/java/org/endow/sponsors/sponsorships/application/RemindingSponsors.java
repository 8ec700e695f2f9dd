package org.endow.sponsors.sponsorships.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.endow.kernel.HumanTime;
import org.endow.platform.mail.Mail;
import org.endow.platform.mail.MailOutbox;
import org.endow.sponsors.sponsorships.model.Sponsorship;
import org.endow.sponsors.sponsorships.model.SponsorshipStatus;
import org.endow.sponsors.sponsorships.model.Sponsorships;

/**
 * Overdue invoices are reminded to the accounting contact once a week; a paid sponsorship ending
 * within {@code RENEWAL_DAYS} gets one renewal offer, with a link that pre-fills next year's
 * application; benefit assets due soon or overdue are reminded weekly ({@link FulfillingBenefits}). Each
 * reminder goes out once (recorded), whichever replica runs the job.
 */
@Singleton
public class RemindingSponsors {

    public static final int RENEWAL_DAYS = 45;

    /** Which reminders were sent. */
    public interface Sent {
        /** @return true when this reminder was not sent before (send it now) */
        boolean first(UUID sponsorship, String kind, String period);
    }

    private final Sponsorships sponsorships;
    private final Sent sent;
    private final MailOutbox mail;
    private final SponsorshipTerms terms;
    private final Clock clock;

    private final FulfillingBenefits fulfilling;

    RemindingSponsors(
            Sponsorships sponsorships,
            Sent sent,
            MailOutbox mail,
            SponsorshipTerms terms,
            FulfillingBenefits fulfilling,
            Clock clock) {
        this.fulfilling = fulfilling;
        this.sponsorships = sponsorships;
        this.sent = sent;
        this.mail = mail;
        this.terms = terms;
        this.clock = clock;
    }

    /** @return how many reminders were queued */
    @Transactional
    public int remind() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String portal = terms.portalUrl().replaceAll("/+$", "");
        int queued = 0;
        for (Sponsorship s : sponsorships.all(SponsorshipStatus.EXECUTED)) {
            if (s.invoiceDue() != null && today.isAfter(s.invoiceDue())) {
                long weeks = ChronoUnit.WEEKS.between(s.invoiceDue(), today);
                if (sent.first(s.id(), "OVERDUE", "week-" + weeks)) {
                    mail.enqueue(
                            Mail.text(
                                    s.organisation().accounting().email(),
                                    "Reminder: invoice " + s.invoiceNumber() + " is overdue",
                                    "Dear " + s.organisation().accounting().name() + ",\n\nInvoice " + s.invoiceNumber()
                                            + " (" + terms.invoiceTotal(s).withSymbol() + ") was due on "
                                            + HumanTime.day(s.invoiceDue())
                                            + ". Please pay by bank transfer quoting the invoice number, or by card: "
                                            + portal + "/sponsors/sponsorships/" + s.id()
                                            + "\n\nIf you have paid in the last days, thank you, and please ignore this reminder."));
                    queued++;
                }
            }
        }
        for (Sponsorship s : sponsorships.all(SponsorshipStatus.PAID)) {
            if (s.endDate() != null
                    && !today.isAfter(s.endDate())
                    && !today.isBefore(s.endDate().minusDays(RENEWAL_DAYS))
                    && sent.first(
                            s.id(), "RENEWAL", Integer.toString(s.endDate().getYear()))) {
                mail.enqueue(Mail.text(
                        s.organisation().primary().email(),
                        "Renew your sponsorship of " + terms.foundation().name(),
                        "Dear " + s.organisation().primary().name() + ",\n\nYour sponsorship ends on "
                                + HumanTime.day(s.endDate())
                                + ". Thank you for your support! Renewing takes a minute: your organisation and package"
                                + " are filled in for you here: " + portal + "/sponsors/apply?renew=" + s.id()));
                queued++;
            }
        }
        return queued + fulfilling.remind();
    }
}
