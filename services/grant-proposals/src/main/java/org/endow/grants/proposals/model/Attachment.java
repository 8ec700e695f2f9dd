package org.endow.grants.proposals.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * A document attached to a proposal (the budget, the code of conduct, a work plan): a PDF, checked by its
 * first bytes, not by its name or the type the browser claims. The bytes are kept apart from the proposal.
 *
 * @param name what it is, e.g. one of the category's required attachments ("budget")
 * @param filename the name it was uploaded with
 */
public record Attachment(String name, String filename, long sizeBytes, Instant uploadedAt) {

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    /** @return why the upload is refused, or empty when it is a PDF within {@code maxBytes} */
    public static Optional<Violation> refusal(String name, byte[] content, long maxBytes) {
        if (name == null || !name.matches("[a-z0-9][a-z0-9 -]{0,39}")) {
            return Optional.of(new Violation("name", "say what the document is, e.g. \"budget\""));
        }
        if (content == null || content.length == 0) {
            return Optional.of(new Violation("file", "the file is empty"));
        }
        if (content.length > maxBytes) {
            return Optional.of(new Violation(
                    "file", "the file has " + content.length + " bytes; at most " + maxBytes + " are accepted"));
        }
        if (content.length < PDF_MAGIC.length || !Arrays.equals(Arrays.copyOf(content, PDF_MAGIC.length), PDF_MAGIC)) {
            return Optional.of(new Violation("file", "only PDF documents are accepted"));
        }
        return Optional.empty();
    }
}
