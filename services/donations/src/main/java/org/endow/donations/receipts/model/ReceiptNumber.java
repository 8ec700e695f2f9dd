package org.endow.donations.receipts.model;

/** A receipt's number: the year and a gap-free sequence within it, written {@code 2026-000042}. */
public record ReceiptNumber(int year, int sequence) {

    public ReceiptNumber {
        if (sequence < 1) {
            throw new IllegalArgumentException("receipt sequences start at 1");
        }
    }

    public static ReceiptNumber parse(String text) {
        String[] parts = text.split("-");
        if (parts.length != 2 || parts[0].length() != 4 || parts[1].length() != 6) {
            throw new IllegalArgumentException("not a receipt number: " + text);
        }
        return new ReceiptNumber(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%04d-%06d", year, sequence);
    }
}
