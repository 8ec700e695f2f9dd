package org.endow.platform.mail;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The {@link MailOutbox} of a service: rows in its own database ({@code mail_outbox}, platform migration V0_2). */
@Singleton
@Requires(condition = MailOutboxEnabled.class)
class TransactionalMailOutbox implements MailOutbox {

    private final JdbcOperations jdbc;

    TransactionalMailOutbox(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public long enqueue(Mail mail) {
        long id = jdbc.prepareStatement(
                "insert into mail_outbox (recipient, subject, body) values (?, ?, ?) returning id", statement -> {
                    statement.setString(1, mail.to());
                    statement.setString(2, mail.subject());
                    statement.setString(3, mail.text());
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
        insertAttachments(List.of(id), List.of(mail));
        return id;
    }

    /** One insert for the mails (ids come from one sequence in row order), one JDBC batch for the attachments. */
    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public List<Long> enqueueAll(List<Mail> mails) {
        if (mails.size() <= 1) {
            return mails.stream().map(this::enqueue).toList();
        }
        List<Long> ids = jdbc.prepareStatement(
                "insert into mail_outbox (recipient, subject, body)"
                        + " select recipient, subject, body from unnest(?::text[], ?::text[], ?::text[])"
                        + " with ordinality as m(recipient, subject, body, n) order by n returning id",
                statement -> {
                    Connection connection = statement.getConnection();
                    statement.setArray(
                            1,
                            connection.createArrayOf(
                                    "text", mails.stream().map(Mail::to).toArray()));
                    statement.setArray(
                            2,
                            connection.createArrayOf(
                                    "text", mails.stream().map(Mail::subject).toArray()));
                    statement.setArray(
                            3,
                            connection.createArrayOf(
                                    "text", mails.stream().map(Mail::text).toArray()));
                    List<Long> inserted = new ArrayList<>(mails.size());
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            inserted.add(rs.getLong(1));
                        }
                    }
                    // the sequence hands out ids in the order the rows were inserted, which is the mails' order
                    Collections.sort(inserted);
                    return inserted;
                });
        insertAttachments(ids, mails);
        return ids;
    }

    /** The attachments of {@code mails} (queued with {@code ids}, in the same order), in one JDBC batch. */
    private void insertAttachments(List<Long> ids, List<Mail> mails) {
        if (mails.stream().allMatch(mail -> mail.attachments().isEmpty())) {
            return;
        }
        jdbc.prepareStatement(
                "insert into mail_attachment (mail_id, position, filename, content_type, content)"
                        + " values (?, ?, ?, ?, ?)",
                statement -> {
                    for (int i = 0; i < mails.size(); i++) {
                        int position = 0;
                        for (Mail.Attachment attachment : mails.get(i).attachments()) {
                            statement.setLong(1, ids.get(i));
                            statement.setInt(2, position++);
                            statement.setString(3, attachment.filename());
                            statement.setString(4, attachment.contentType());
                            statement.setBytes(5, attachment.content());
                            statement.addBatch();
                        }
                    }
                    return statement.executeBatch();
                });
    }
}
