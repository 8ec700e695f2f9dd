package org.endow.platform.mail;

import java.util.List;
import java.util.Objects;

/**
 * One email to one person: plain text, with optional attachments (a receipt, a contract).
 *
 * @param to the recipient's address
 * @param subject the subject line
 * @param text the plain-text body
 * @param attachments files attached, in order
 */
public record Mail(String to, String subject, String text, List<Attachment> attachments) {

    public Mail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        attachments = List.copyOf(attachments == null ? List.of() : attachments);
        if (to.isBlank() || to.indexOf('@') < 1) {
            throw new IllegalArgumentException("not an email address: " + to);
        }
    }

    public static Mail text(String to, String subject, String text) {
        return new Mail(to, subject, text, List.of());
    }

    public Mail with(Attachment attachment) {
        List<Attachment> more = new java.util.ArrayList<>(attachments);
        more.add(attachment);
        return new Mail(to, subject, text, more);
    }

    /**
     * A file attached to a mail.
     *
     * @param filename the name the recipient sees
     * @param contentType e.g. {@code application/pdf}
     * @param content the bytes
     */
    public record Attachment(String filename, String contentType, byte[] content) {

        public Attachment {
            Objects.requireNonNull(filename, "filename");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(content, "content");
        }

        public static Attachment pdf(String filename, byte[] content) {
            return new Attachment(filename, "application/pdf", content);
        }
    }
}
