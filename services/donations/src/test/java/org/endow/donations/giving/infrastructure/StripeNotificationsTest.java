package org.endow.donations.giving.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.endow.donations.giving.application.PaymentNotification;
import org.endow.donations.giving.model.DonationId;
import org.endow.donations.giving.model.DonationStatus;
import org.endow.donations.giving.model.DonorContact;
import org.endow.donations.giving.model.DonorId;
import org.endow.donations.giving.model.GiftOptions;
import org.endow.donations.giving.model.RecurringGift;
import org.endow.kernel.Money;
import org.junit.jupiter.api.Test;

/** What a verified Stripe event says about a gift, in the API's older and current shapes. */
class StripeNotificationsTest {

    static JsonNode json(String text) throws Exception {
        try (ObjectMapper.CloseableObjectMapper json = ObjectMapper.create(Map.of(), "org.endow.events")) {
            return json.readValue(text, JsonNode.class);
        }
    }

    static final String PARENT = "\"parent\":{\"type\":\"subscription_details\",\"subscription_details\":"
            + "{\"subscription\":\"sub_1\",\"metadata\":{\"recurring_gift_id\":\"g-1\"}}}";

    @Test
    void the_money_moved_when_the_invoice_says_it_was_paid_else_when_the_event_was_created() throws Exception {
        long created = Instant.parse("2027-01-01T00:05:00Z").getEpochSecond();
        long paidAt = Instant.parse("2026-12-31T23:50:00Z").getEpochSecond();
        assertEquals(
                Instant.parse("2026-12-31T23:50:00Z"),
                StripeNotifications.occurredAt(
                        "invoice.paid",
                        created,
                        json("{\"id\":\"in_1\",\"created\":1700000000,\"status_transitions\":{\"finalized_at\":"
                                + (paidAt - 3600) + ",\"paid_at\":" + paidAt + "}}")),
                "the invoice's paid_at, not when it was created or finalised");
        assertEquals(
                Instant.ofEpochSecond(created),
                StripeNotifications.occurredAt(
                        "invoice.paid", created, json("{\"id\":\"in_2\",\"status_transitions\":{}}")));
        assertEquals(
                Instant.ofEpochSecond(created),
                StripeNotifications.occurredAt(
                        "checkout.session.completed", created, json("{\"id\":\"cs_1\",\"created\":1700000000}")),
                "the event's, not when the checkout was opened");
        assertEquals(
                Instant.ofEpochSecond(created),
                StripeNotifications.occurredAt(
                        "charge.refunded", created, json("{\"id\":\"ch_1\",\"created\":1700000000}")),
                "the refund's, not when the charge was made");
        assertNull(StripeNotifications.occurredAt("charge.refunded", null, json("{\"id\":\"ch_1\"}")));
    }

    @Test
    void an_invoice_names_its_payment_intent_in_the_older_shape_or_in_its_included_payments() throws Exception {
        var older = (PaymentNotification.InvoicePaid) StripeNotifications.of(
                "invoice.paid",
                json("{\"id\":\"in_1\",\"amount_paid\":2500,\"currency\":\"usd\",\"payment_intent\":\"pi_old\","
                        + PARENT + "}"));
        assertEquals("pi_old", older.paymentId());
        assertEquals(Money.of(2_500, "USD"), older.amount());
        assertEquals("sub_1", older.subscriptionId());
        assertEquals("g-1", older.recurringGiftId());

        var included = (PaymentNotification.InvoicePaid) StripeNotifications.of(
                "invoice.paid",
                json("{\"id\":\"in_2\",\"amount_paid\":2500,\"currency\":\"usd\",\"payments\":{\"object\":\"list\","
                        + "\"data\":[{\"status\":\"canceled\",\"payment\":{\"type\":\"payment_intent\","
                        + "\"payment_intent\":\"pi_failed\"}},{\"status\":\"paid\",\"payment\":{\"type\":"
                        + "\"payment_intent\",\"payment_intent\":\"pi_paid\"}}]}," + PARENT + "}"));
        assertEquals("pi_paid", included.paymentId(), "the paid entry, not an earlier cancelled attempt");

        var current = (PaymentNotification.InvoicePaid) StripeNotifications.of(
                "invoice.paid", json("{\"id\":\"in_3\",\"amount_paid\":0,\"currency\":\"jpy\"," + PARENT + "}"));
        assertNull(current.paymentId(), "not in the event: the webhook asks Stripe");
        assertEquals(Money.of(0, "JPY"), current.amount());
    }

    @Test
    void a_failed_delayed_payment_names_its_gift_and_one_not_ours_is_ignored() throws Exception {
        var failed = StripeNotifications.of(
                "checkout.session.async_payment_failed",
                json("{\"id\":\"cs_1\",\"mode\":\"payment\",\"metadata\":{\"donation_id\":\"d-1\"}}"));
        assertEquals(new PaymentNotification.DelayedPaymentFailed("d-1"), failed);
        assertTrue(
                StripeNotifications.of(
                                "checkout.session.async_payment_failed", json("{\"id\":\"cs_2\",\"mode\":\"payment\"}"))
                        instanceof PaymentNotification.Ignored);
    }

    @Test
    void a_month_is_recorded_at_what_its_invoice_took() {
        RecurringGift gift = RecurringGift.awaitingCard(
                UUID.randomUUID(),
                new DonorId("ada"),
                GiftOptions.oneTime(new DonorContact("Ada", "ada@example.org")),
                Money.of(2_500, "USD"),
                "general",
                Instant.parse("2026-11-30T08:00:00Z"));
        var month = gift.monthlyPayment(
                new DonationId(UUID.randomUUID()), Money.of(1_250, "USD"), Instant.parse("2026-12-30T08:00:00Z"));
        assertEquals(Money.of(1_250, "USD"), month.amount(), "a prorated or discounted month is what was paid");
        assertEquals(DonationStatus.AWAITING_PAYMENT, month.status());
        assertThrows(
                IllegalArgumentException.class,
                () -> gift.monthlyPayment(new DonationId(UUID.randomUUID()), Money.of(1_250, "EUR"), Instant.now()));
    }
}
