package org.endow.sponsors.sponsorships.model;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A sponsor's logo as uploaded: PNG or SVG, recognised by its content (magic bytes), never by the
 * name or the type the upload claims. A file whose claimed type differs from its content, an SVG
 * with scripts, event handlers or external references, a PNG too small or too large, is refused with
 * the reason.
 */
public record Logo(String contentType, byte[] content) {

    public static final int MAX_BYTES = 512 * 1024;
    public static final String PNG = "image/png";
    public static final String SVG = "image/svg+xml";
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final Pattern ACTIVE_SVG = Pattern.compile(
            "<script|javascript:|\\son[a-z]+\\s*=|<foreignobject|<iframe|<!entity|(xlink:)?href\\s*=\\s*[\"']\\s*(https?:|//|data:)",
            Pattern.CASE_INSENSITIVE);

    /**
     * @param claimedType the Content-Type the upload came with
     * @throws Refused with a sentence saying what is wrong
     */
    public static Logo of(byte[] content, String claimedType) {
        if (content == null || content.length == 0) {
            throw new Refused("the file is empty");
        }
        if (content.length > MAX_BYTES) {
            throw new Refused(
                    "a logo is at most " + MAX_BYTES / 1024 + " KiB; this file is " + content.length / 1024 + " KiB");
        }
        String actual = detect(content);
        String claimed =
                claimedType == null ? "" : claimedType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (actual == null) {
            throw new Refused("the file is neither a PNG nor an SVG image (whatever its name or type says)");
        }
        if (!claimed.equals(actual)) {
            throw new Refused("the file says it is " + (claimed.isEmpty() ? "of no type" : claimed)
                    + " but its content is " + actual);
        }
        if (actual.equals(PNG)) {
            int width = int32(content, 16);
            int height = int32(content, 20);
            if (width < 200 || height < 50 || width > 4000 || height > 4000) {
                throw new Refused("a PNG logo is 200 to 4000 pixels wide and 50 to 4000 high; this one is " + width
                        + "×" + height);
            }
        } else {
            String text = new String(content, StandardCharsets.UTF_8);
            if (ACTIVE_SVG.matcher(text).find()) {
                throw new Refused("an SVG logo must not contain scripts, event handlers or external references");
            }
        }
        return new Logo(actual, content.clone());
    }

    private static String detect(byte[] content) {
        if (content.length >= 24) {
            boolean png = true;
            for (int i = 0; i < PNG_MAGIC.length; i++) {
                png &= content[i] == PNG_MAGIC[i];
            }
            if (png) {
                return PNG;
            }
        }
        String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.UTF_8)
                .replace("\uFEFF", "")
                .strip()
                .toLowerCase(Locale.ROOT);
        if ((head.startsWith("<?xml") || head.startsWith("<svg") || head.startsWith("<!--")) && head.contains("<svg")) {
            return SVG;
        }
        return null;
    }

    private static int int32(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    /** An upload refused, and why. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Refused(String message) {
            super(message);
        }
    }
}
