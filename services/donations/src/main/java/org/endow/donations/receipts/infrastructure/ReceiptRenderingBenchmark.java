package org.endow.donations.receipts.infrastructure;

import java.time.LocalDate;
import java.util.Locale;
import org.endow.donations.receipts.model.ReceiptContent;
import org.endow.donations.receipts.model.ReceiptNumber;
import org.endow.kernel.Money;

/**
 * Receipt PDFs per second on one thread (one core), for {@code ./endow bench}: 10 s of warm-up, then 10 s measured.
 * Run as {@code java -cp <donations jar and lib> ...ReceiptRenderingBenchmark}; prints {@code receipts/s=<n>
 * bytes=<size>}.
 */
public final class ReceiptRenderingBenchmark {

    private ReceiptRenderingBenchmark() {}

    public static void main(String[] args) {
        OpenPdfReceiptDocuments documents = new OpenPdfReceiptDocuments();
        ReceiptContent.Foundation foundation = new ReceiptContent.Foundation(
                "Python Software Foundation",
                "9450 SW Gemini Dr, Beaverton, OR 97008",
                "EIN 04-3594598",
                "The Treasurer");
        run(documents, foundation, 10_000_000_000L);
        long start = System.nanoTime();
        int[] result = run(documents, foundation, 10_000_000_000L);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "receipts/s=%.0f bytes=%d%n", result[0] / seconds, result[1]);
    }

    private static int[] run(OpenPdfReceiptDocuments documents, ReceiptContent.Foundation foundation, long nanos) {
        long end = System.nanoTime() + nanos;
        int count = 0;
        int size = 0;
        while (System.nanoTime() < end) {
            count++;
            size = documents.render(new ReceiptContent(
                            new ReceiptNumber(2026, count % 999_999 + 1),
                            foundation,
                            "Grace Hopper " + count,
                            "grace@example.org",
                            LocalDate.of(2026, 11, 27),
                            LocalDate.of(2026, 11, 28),
                            Money.of(12_345 + count, "USD"),
                            "Packaging work",
                            "Card",
                            null))
                    .length;
        }
        return new int[] {count, size};
    }
}
