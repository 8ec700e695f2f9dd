package org.endow.stripestandin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.StripeClient;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Event;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** stripe-java itself talks to the stand-in, and verifies its webhooks with {@code Webhook.constructEvent}. */
class StripeStandinTest {

    static final String KEY = "sk_test_standin";
    static final String SECRET = "whsec_standin";

    StripeStandin standin;
    StripeClient client;

    @BeforeEach
    void start() throws Exception {
        standin = StripeStandin.start(0, KEY, SECRET, null);
        client = StripeClient.builder()
                .setApiKey(KEY)
                .setApiBase(standin.baseUrl().toString())
                .build();
    }

    @AfterEach
    void stop() {
        standin.close();
    }

    SessionCreateParams oneTime(long amount) {
        return SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl("https://endow.test/thanks?session={CHECKOUT_SESSION_ID}")
                .setCancelUrl("https://endow.test/give")
                .putMetadata("donation_id", "d-1")
                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                        .putMetadata("donation_id", "d-1")
                        .build())
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency("usd")
                                .setUnitAmount(amount)
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName("Gift to the general fund")
                                        .build())
                                .build())
                        .build())
                .build();
    }

    @Test
    void a_paid_checkout_sends_a_signed_completed_event_and_a_refund_beyond_the_charge_is_refused() throws Exception {
        Session session = client.v1()
                .checkout()
                .sessions()
                .create(
                        oneTime(2_500),
                        RequestOptions.builder().setIdempotencyKey("k1").build());
        assertEquals("open", session.getStatus());
        assertEquals(2_500L, session.getAmountTotal());
        assertTrue(session.getUrl().startsWith(standin.baseUrl() + "/checkout/cs_test_"));

        standin.pay(session.getId());
        StripeStandin.Delivery completed = standin.events().getFirst();
        Event event = Webhook.constructEvent(completed.body(), standin.signature(completed.body()), SECRET, 300);
        assertEquals("checkout.session.completed", event.getType());
        Session paid = (Session) event.getDataObjectDeserializer().deserializeUnsafe();
        assertEquals("paid", paid.getPaymentStatus());
        assertEquals("d-1", paid.getMetadata().get("donation_id"));

        assertThrows(
                com.stripe.exception.SignatureVerificationException.class,
                () -> Webhook.constructEvent(
                        completed.body(), standin.signature(completed.body()), "whsec_other", 300));

        String intent = paid.getPaymentIntent();
        client.v1()
                .refunds()
                .create(RefundCreateParams.builder()
                        .setPaymentIntent(intent)
                        .setAmount(1_000L)
                        .build());
        InvalidRequestException tooMuch = assertThrows(
                InvalidRequestException.class,
                () -> client.v1()
                        .refunds()
                        .create(RefundCreateParams.builder()
                                .setPaymentIntent(intent)
                                .setAmount(1_501L)
                                .build()));
        assertEquals("amount", tooMuch.getParam());
        assertEquals(
                List.of("checkout.session.completed", "charge.refunded"),
                standin.events().stream().map(StripeStandin.Delivery::type).toList());
    }

    @Test
    void a_paid_invoice_names_its_payment_intent_only_through_its_invoice_payments() throws Exception {
        Session session = client.v1()
                .checkout()
                .sessions()
                .create(SessionCreateParams.builder()
                        .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                        .setSuccessUrl("https://endow.test/thanks")
                        .addLineItem(SessionCreateParams.LineItem.builder()
                                .setQuantity(1L)
                                .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                        .setCurrency("usd")
                                        .setUnitAmount(1_000L)
                                        .setRecurring(SessionCreateParams.LineItem.PriceData.Recurring.builder()
                                                .setInterval(
                                                        SessionCreateParams.LineItem.PriceData.Recurring.Interval.MONTH)
                                                .build())
                                        .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                                .setName("Monthly gift")
                                                .build())
                                        .build())
                                .build())
                        .build());
        standin.pay(session.getId());
        StripeStandin.Delivery paid = standin.events().stream()
                .filter(d -> d.type().equals("invoice.paid"))
                .findFirst()
                .orElseThrow();
        Event event = Webhook.constructEvent(paid.body(), standin.signature(paid.body()), SECRET, 300);
        com.stripe.model.Invoice invoice =
                (com.stripe.model.Invoice) event.getDataObjectDeserializer().deserializeUnsafe();
        assertEquals(1_000L, invoice.getAmountPaid());
        assertTrue(!paid.body().contains("\"payment_intent\""), "the current API's invoice names no payment intent");

        List<com.stripe.model.InvoicePayment> payments = client.v1()
                .invoicePayments()
                .list(com.stripe.param.InvoicePaymentListParams.builder()
                        .setInvoice(invoice.getId())
                        .setStatus(com.stripe.param.InvoicePaymentListParams.Status.PAID)
                        .build())
                .getData();
        assertEquals(1, payments.size());
        assertEquals(1_000L, payments.getFirst().getAmountPaid());
        assertTrue(payments.getFirst().getPayment().getPaymentIntent().startsWith("pi_"));
        assertEquals(
                List.of(),
                client.v1()
                        .invoicePayments()
                        .list(com.stripe.param.InvoicePaymentListParams.builder()
                                .setInvoice("in_other")
                                .build())
                        .getData());
    }

    @Test
    void an_idempotency_key_returns_the_first_answer_and_refuses_other_parameters() throws Exception {
        RequestOptions key = RequestOptions.builder().setIdempotencyKey("same").build();
        Session first = client.v1().checkout().sessions().create(oneTime(1_000), key);
        Session again = client.v1().checkout().sessions().create(oneTime(1_000), key);
        assertEquals(first.getId(), again.getId());
        assertThrows(
                IdempotencyException.class,
                () -> client.v1().checkout().sessions().create(oneTime(2_000), key));
        Session other = client.v1().checkout().sessions().create(oneTime(1_000));
        assertNotEquals(first.getId(), other.getId());
    }

    @Test
    void a_wrong_key_is_refused_as_stripe_refuses_it() {
        StripeClient wrong = StripeClient.builder()
                .setApiKey("sk_test_wrong")
                .setApiBase(standin.baseUrl().toString())
                .build();
        assertThrows(
                com.stripe.exception.AuthenticationException.class,
                () -> wrong.v1().checkout().sessions().create(oneTime(1_000)));
    }
}
