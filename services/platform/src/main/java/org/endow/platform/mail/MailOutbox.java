package org.endow.platform.mail;

import java.util.List;

/**
 * Where a service puts the emails its users wait for. Like the event outbox, a mail is written in the business
 * transaction that decided to send it (an approval and its "you are approved" email commit or roll back together)
 * and a relay delivers it over SMTP afterwards, retrying while the server is down: nothing is lost on a crash.
 */
public interface MailOutbox {

    /**
     * Queues {@code mail} for delivery.
     *
     * @return the queued mail's id
     * @throws io.micronaut.transaction.exceptions.IllegalTransactionStateException outside a transaction
     */
    long enqueue(Mail mail);

    /**
     * Queues {@code mails}, in order; where the store can, with one write for the mails and one for their
     * attachments.
     *
     * @return the queued mails' ids, in the same order
     */
    default List<Long> enqueueAll(List<Mail> mails) {
        return mails.stream().map(this::enqueue).toList();
    }
}
