package org.endow.fellows.nominations.application;

import jakarta.inject.Singleton;
import org.endow.fellows.nominations.model.Nomination;
import org.endow.fellows.nominations.model.Nominee;
import org.endow.fellows.nominations.model.WorkGroup;
import org.endow.kernel.HumanTime;
import org.endow.platform.mail.Mail;
import org.endow.platform.mail.MailOutbox;

/** Every email of the process, queued in the caller's transaction. */
@Singleton
class FellowMails {

    private final MailOutbox mail;
    private final FellowsPolicy policy;

    FellowMails(MailOutbox mail, FellowsPolicy policy) {
        this.mail = mail;
        this.policy = policy;
    }

    private String portal(String path) {
        return policy.portalUrl().replaceAll("/+$", "") + path;
    }

    void received(Nomination n, Nominee nominee) {
        mail.enqueue(Mail.text(
                n.nominatorEmail(),
                "Your Fellow nomination of " + nominee.name(),
                "Dear " + n.nominatorName() + ",\n\nThank you for nominating " + nominee.name() + ". The Fellow Work"
                        + " Group reviews it in cycle " + nominee.cycle().label() + " (votes until "
                        + HumanTime.day(nominee.cycle().reviewEnd())
                        + "). The nomination stays confidential; you will hear from us"
                        + " at each step.\n\nFollow it here: " + portal("/fellows")));
    }

    void nomineeTold(Nominee nominee) {
        mail.enqueue(Mail.text(
                nominee.email(),
                "You were nominated as a Fellow",
                "Dear " + nominee.name() + ",\n\nSomeone nominated you for the Fellow honour. The Fellow Work Group"
                        + " reviews nominations quarterly; you will hear the outcome."));
    }

    void referencesRequested(Nomination n, Nominee nominee, String token) {
        mail.enqueue(Mail.text(
                n.nominatorEmail(),
                "Please add three references for " + nominee.name(),
                "Dear " + n.nominatorName() + ",\n\nThe Fellow Work Group could not verify the nomination of "
                        + nominee.name() + " from public sources. Please name three people who can speak to their"
                        + " contributions: " + portal("/fellows/references/" + token)
                        + "\n\nThe nomination waits until they are added."));
    }

    void decided(Nomination n, Nominee nominee, Nominee.Decision decision) {
        String text = switch (decision) {
            case ELECTED ->
                nominee.name() + " was elected a Fellow in cycle " + nominee.electedIn()
                        + ". Thank you for the nomination!";
            case CARRIED_OVER ->
                nominee.name() + " was not approved this time. The nomination stays active and is"
                        + " reconsidered in cycle " + nominee.cycle().label() + ".";
            case EXPIRED ->
                "The nomination of " + nominee.name() + " was not approved within a year and has expired."
                        + " You are welcome to nominate them again with new accomplishments.";
        };
        mail.enqueue(Mail.text(
                n.nominatorEmail(),
                "Your Fellow nomination of " + nominee.name() + ": "
                        + decision.name().toLowerCase().replace('_', ' '),
                "Dear " + n.nominatorName() + ",\n\n" + text));
    }

    void invited(Nominee nominee, String token) {
        mail.enqueue(Mail.text(
                nominee.email(),
                "You have been elected a Fellow",
                "Dear " + nominee.name() + ",\n\nCongratulations: the Fellow Work Group elected you a Fellow for your"
                        + " contributions. Please accept the honour and tell us how your name should appear on the"
                        + " public roster: " + portal("/fellows/accept/" + token)));
    }

    void reminder(WorkGroup.Member member, Nominee nominee) {
        mail.enqueue(Mail.text(
                member.email(),
                "Reminder: your vote on " + nominee.name(),
                "Dear " + member.name() + ",\n\nThe review of cycle "
                        + nominee.cycle().label() + " closes on "
                        + HumanTime.day(nominee.cycle().reviewEnd()) + " and you have not voted on " + nominee.name()
                        + " yet: "
                        + portal("/fellows/review")));
    }
}
