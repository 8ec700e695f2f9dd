package org.endow.platform.mail;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;

/** The {@link MailOutbox} of a service: rows in its own database ({@code mail_outbox}, platform migration V0_2). */
@Singleton
@Requires(property = "endow.messaging.service")
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
        int position = 0;
        for (Mail.Attachment attachment : mail.attachments()) {
            int at = position++;
            jdbc.prepareStatement(
                    "insert into mail_attachment (mail_id, position, filename, content_type, content)"
                            + " values (?, ?, ?, ?, ?)",
                    statement -> {
                        statement.setLong(1, id);
                        statement.setInt(2, at);
                        statement.setString(3, attachment.filename());
                        statement.setString(4, attachment.contentType());
                        statement.setBytes(5, attachment.content());
                        return statement.executeUpdate();
                    });
        }
        return id;
    }
}
