package org.endow.donations.receipts.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.exceptions.IllegalTransactionStateException;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.endow.devstack.Database;
import org.endow.devstack.TestInfra;
import org.endow.donations.receipts.model.ReceiptContent;
import org.endow.donations.receipts.model.ReceiptNumber;
import org.endow.donations.receipts.model.ReceiptNumbers;
import org.endow.kernel.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

/** Receipt numbers against a real PostgreSQL, and the receipt document as a reader sees it. */
class ReceiptsIT {

    static ApplicationContext context;
    static TransactionOperations<Connection> tx;
    static ReceiptNumbers numbers;

    @BeforeAll
    @SuppressWarnings("unchecked") // the JDBC transaction manager is TransactionOperations<Connection>
    static void start() {
        Database db = TestInfra.get().freshDatabase("donations_receipts");
        context = ApplicationContext.run(Map.of(
                "datasources.default.url",
                db.jdbcUrl(),
                "datasources.default.username",
                db.username(),
                "datasources.default.password",
                db.password(),
                "datasources.default.maximum-pool-size",
                12,
                "kafka.bootstrap.servers",
                TestInfra.get().kafkaBootstrapServers(),
                "endow.messaging.service",
                "donations-receipts-it-" + UUID.randomUUID(),
                "endow.messaging.consumer-enabled",
                false,
                "endow.messaging.relay-enabled",
                false,
                "micronaut.server.port",
                -1,
                "endow.jwt.public-key",
                TestInfra.get().jwtKeys().publicKeyPem()));
        tx = context.getBean(TransactionOperations.class);
        numbers = context.getBean(ReceiptNumbers.class);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void receipts_issued_at_once_are_numbered_one_to_n_and_a_rolled_back_one_leaves_no_gap() throws Exception {
        int year = 2031;
        List<Callable<Integer>> issuers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            boolean fails = i % 5 == 0; // four of them roll back after taking a number
            issuers.add(() -> {
                try {
                    return tx.executeWrite(status -> {
                        ReceiptNumber number = numbers.next(year);
                        if (fails) {
                            throw new IllegalStateException("rendering failed");
                        }
                        return number.sequence();
                    });
                } catch (IllegalStateException e) {
                    return -1;
                }
            });
        }
        List<Integer> sequences = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
            for (Future<Integer> future : pool.invokeAll(issuers)) {
                int sequence = future.get();
                if (sequence > 0) {
                    sequences.add(sequence);
                }
            }
        }

        assertEquals(16, sequences.size());
        assertEquals(
                java.util.stream.IntStream.rangeClosed(1, 16).boxed().toList(),
                sequences.stream().sorted().toList(),
                "1..16 without a gap or a duplicate");
        assertEquals(17, tx.executeWrite(status -> numbers.next(year)).sequence());
        assertEquals(1, tx.executeWrite(status -> numbers.next(year + 1)).sequence(), "each year starts at 1");
    }

    @Test
    void taking_a_number_outside_a_transaction_is_refused() {
        assertThrows(IllegalTransactionStateException.class, () -> numbers.next(2040));

        // refused before anything was counted: 2040 has no counter, so its first receipt is still number 1
        Integer counters = tx.executeRead(status -> {
            try (var statement =
                    status.getConnection().prepareStatement("select count(*) from receipt_counter where year = 2040")) {
                try (var rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(0, counters);
    }

    @Test
    void the_receipt_states_what_a_tax_office_asks_for() throws Exception {
        byte[] pdf = new OpenPdfReceiptDocuments()
                .render(new ReceiptContent(
                        new ReceiptNumber(2026, 42),
                        new ReceiptContent.Foundation(
                                "Python Software Foundation",
                                "9450 SW Gemini Dr, Beaverton, OR",
                                "EIN 04-3594598",
                                "Ada Lovelace, Treasurer"),
                        "Grace Hopper",
                        "grace@example.org",
                        LocalDate.parse("2026-11-27"),
                        LocalDate.parse("2026-11-28"),
                        Money.of(1_234_567, "USD"),
                        "Packaging work",
                        "Bank transfer",
                        null));

        String text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
        for (String expected : List.of(
                "Python Software Foundation",
                "EIN 04-3594598",
                "Official donation receipt",
                "2026-000042",
                "Grace Hopper",
                "27 November 2026",
                "Packaging work",
                "USD 12,345.67",
                OpenPdfReceiptDocuments.NOTHING_IN_RETURN,
                "Ada Lovelace, Treasurer")) {
            assertTrue(text.replace("\n", " ").contains(expected), expected + " not in:\n" + text);
        }
        java.nio.file.Path out = java.nio.file.Path.of("target/receipt-sample.pdf");
        java.nio.file.Files.write(out, pdf);
    }

    @Test
    void the_annual_statement_lists_the_years_receipts_net_of_refunds_with_totals_per_currency() throws Exception {
        var foundation = new ReceiptContent.Foundation(
                "Python Software Foundation", "9450 SW Gemini Dr, Beaverton, OR", "EIN 04-3594598", "Treasurer");
        var range = org.endow.donations.receipts.model.AnnualStatement.fiscalYear(2026, 7);
        assertEquals(LocalDate.parse("2026-07-01"), range[0]);
        assertEquals(LocalDate.parse("2027-06-30"), range[1]);
        var statement = new org.endow.donations.receipts.model.AnnualStatement(
                foundation,
                "Grace Hopper",
                "grace@example.org",
                "Fiscal year 2026/2027 (1 July 2026 – 30 June 2027)",
                range[0],
                range[1],
                LocalDate.parse("2027-07-02"),
                List.of(
                        new org.endow.donations.receipts.model.AnnualStatement.Line(
                                new ReceiptNumber(2026, 7),
                                LocalDate.parse("2026-08-01"),
                                "Packaging work",
                                Money.of(10_000, "USD"),
                                Money.of(4_000, "USD")),
                        new org.endow.donations.receipts.model.AnnualStatement.Line(
                                new ReceiptNumber(2027, 3),
                                LocalDate.parse("2027-02-01"),
                                "General fund (unrestricted)",
                                Money.of(2_500, "USD"),
                                Money.zero("USD")),
                        new org.endow.donations.receipts.model.AnnualStatement.Line(
                                new ReceiptNumber(2027, 4),
                                LocalDate.parse("2027-03-01"),
                                "General fund (unrestricted)",
                                Money.of(5_000, "EUR"),
                                Money.zero("EUR"))));
        assertEquals(Money.of(8_500, "USD"), statement.netTotals().get("USD"));

        byte[] pdf = context.getBean(org.endow.donations.receipts.model.StatementDocuments.class)
                .render(statement);

        String text =
                new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1).replace("\n", " ");
        for (String expected : List.of(
                "Annual giving statement",
                "Fiscal year 2026/2027",
                "Grace Hopper",
                "2026-000007",
                "USD 100.00",
                "USD 60.00",
                "Total given, USD",
                "USD 85.00",
                "Total given, EUR",
                "EUR 50.00")) {
            assertTrue(text.contains(expected), expected + " not in:\n" + text);
        }
        java.nio.file.Files.write(java.nio.file.Path.of("target/statement-sample.pdf"), pdf);
    }
}
