package org.endow.platform.testing;

import java.util.ArrayList;
import java.util.List;
import org.endow.platform.mail.Mail;
import org.endow.platform.mail.MailOutbox;

/** A {@link MailOutbox} for unit tests: keeps what was queued. */
public final class RecordingMailOutbox implements MailOutbox {

    private final List<Mail> queued = new ArrayList<>();

    @Override
    public long enqueue(Mail mail) {
        queued.add(mail);
        return queued.size();
    }

    public List<Mail> queued() {
        return List.copyOf(queued);
    }

    /** The mails sent to {@code address}, in order. */
    public List<Mail> to(String address) {
        return queued.stream()
                .filter(mail -> mail.to().equalsIgnoreCase(address))
                .toList();
    }
}
