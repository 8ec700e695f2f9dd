package org.endow.grants.proposals.application;

import jakarta.inject.Singleton;
import org.endow.grants.committee.model.Member;
import org.endow.grants.committee.model.Members;
import org.endow.grants.proposals.model.Proposal;
import org.endow.platform.mail.Mail;
import org.endow.platform.mail.MailOutbox;

/** The mails of the grant process, to whoever waits on the step; queued in the business transaction. */
@Singleton
public class Notifications {

    private final MailOutbox mails;
    private final Members members;
    private final GrantsSettings settings;

    Notifications(MailOutbox mails, Members members, GrantsSettings settings) {
        this.mails = mails;
        this.members = members;
        this.settings = settings;
    }

    void applicant(Proposal proposal, String what, String text) {
        mails.enqueue(mail(proposal.applicant().email(), proposal, what, text));
    }

    void applicant(Proposal proposal, String what, String text, Mail.Attachment attachment) {
        mails.enqueue(mail(proposal.applicant().email(), proposal, what, text).with(attachment));
    }

    void chairs(Proposal proposal, String what, String text) {
        for (Member chair : members.chairs()) {
            mails.enqueue(mail(chair.email(), proposal, what, text));
        }
    }

    void workingGroup(Proposal proposal, String what, String text) {
        for (Member member : members.all()) {
            mails.enqueue(mail(member.email(), proposal, what, text));
        }
    }

    void staff(Proposal proposal, String what, String text) {
        mails.enqueue(mail(settings.staffEmail(), proposal, what, text));
    }

    void board(Proposal proposal, String what, String text) {
        mails.enqueue(mail(settings.boardEmail(), proposal, what, text));
    }

    private Mail mail(String to, Proposal proposal, String what, String text) {
        return Mail.text(
                to,
                "Grant proposal \"" + proposal.application().title() + "\": " + what,
                text + "\n\n" + settings.portalUrl() + "/grants/proposals/" + proposal.id() + "\n");
    }
}
