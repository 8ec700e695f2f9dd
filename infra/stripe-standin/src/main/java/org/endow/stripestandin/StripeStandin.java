package org.endow.stripestandin;

import com.stripe.Stripe;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local stand-in for the Stripe endpoints Endow calls, for tests and the local stack:
 *
 * <ul>
 *   <li>{@code POST /v1/checkout/sessions}, {@code GET /v1/checkout/sessions/{id}} (one-time and
 *       subscription mode), {@code POST /v1/refunds}, {@code DELETE /v1/subscriptions/{id}},
 *       {@code GET /v1/invoice_payments?invoice=…} (invoices in the current API's shape name no payment
 *       intent; their payments do), in
 *       Stripe's JSON shapes, with Stripe's error shape, API-key check and idempotency keys (a key
 *       reused with other parameters is refused, as Stripe does);
 *   <li>a checkout page ({@code /checkout/{id}}) where a person pays or declines;
 *   <li>webhooks signed as Stripe signs them, delivered in order with retries, or held for a test to
 *       deliver itself (in any order, several times, concurrently);
 *   <li>a log of the API calls made ({@link #requests()}), for a test to see that a client did not call.
 * </ul>
 *
 * State is in memory: the stand-in is a test double, never a store of record.
 */
public final class StripeStandin implements AutoCloseable {

    /** One event as the stand-in emitted it: {@code body} is the exact JSON that is signed and sent. */
    public record Delivery(String eventId, String type, String body) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final String apiKey;
    private final WebhookSigner signer;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "stripe-standin-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Delivery> events = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, Object>> sessions = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> paymentIntents = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> charges = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> invoicePayments = new ConcurrentHashMap<>();
    private final Map<String, Stored> idempotent = new ConcurrentHashMap<>();
    private volatile URI webhookUrl;
    private final List<URI> moreWebhookUrls = new CopyOnWriteArrayList<>();
    private volatile boolean holding;

    private record Stored(String request, int status, String body) {}

    private record Answer(int status, String body) {}

    private StripeStandin(HttpServer server, String apiKey, String webhookSecret, URI webhookUrl) {
        this.server = server;
        this.apiKey = apiKey;
        this.signer = new WebhookSigner(webhookSecret);
        this.webhookUrl = webhookUrl;
    }

    /**
     * @param port 0 for any free port
     * @param apiKey the secret key clients must send (Bearer)
     * @param webhookSecret the endpoint's signing secret ({@code whsec_...})
     * @param webhookUrl where events are posted; {@code null} to only record them
     */
    public static StripeStandin start(int port, String apiKey, String webhookSecret, URI webhookUrl)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        StripeStandin standin = new StripeStandin(server, apiKey, webhookSecret, webhookUrl);
        server.createContext("/", standin::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "stripe-standin-http");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return standin;
    }

    /** The API base to configure in the client ({@code endow.stripe.api-base}). */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public void webhookUrl(URI url) {
        this.webhookUrl = url;
    }

    /**
     * Another endpoint that receives every event too, as a Stripe account with several webhook
     * endpoints does (each service acknowledges what is not its own).
     */
    public void addWebhookUrl(URI url) {
        moreWebhookUrls.add(url);
    }

    /** From now on events are only recorded; a test delivers them with {@link #deliver}. */
    public void hold() {
        holding = true;
    }

    /** Back to sending events as they happen (those held stay with the test). */
    public void resume() {
        holding = false;
    }

    /** Every event emitted so far, oldest first. */
    public List<Delivery> events() {
        return List.copyOf(events);
    }

    /**
     * Every API call with a valid key so far, oldest first, as {@code METHOD path} with the query string if any
     * (e.g. {@code GET /v1/invoice_payments?invoice=in_1&status=paid}): what a test reads to see that a client did
     * not call.
     */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** The {@code Stripe-Signature} header for {@code body}, signed now. */
    public String signature(String body) {
        return signer.signature(body, Instant.now().getEpochSecond());
    }

    /** Posts one event to the webhook URL now, freshly signed; @return the endpoint's status. */
    public int deliver(Delivery delivery) throws IOException, InterruptedException {
        return deliver(delivery, Objects.requireNonNull(webhookUrl, "no webhook URL"));
    }

    private int deliver(Delivery delivery, URI url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Stripe-Signature", signature(delivery.body()))
                .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    // ---- what a person does on the checkout page, or a test does directly

    /** The customer pays the session: events {@code checkout.session.completed} (+ {@code invoice.paid}). */
    public synchronized void pay(String sessionId) {
        Map<String, Object> session = existing(sessions, sessionId, "checkout session");
        if (!"open".equals(session.get("status"))) {
            return;
        }
        long amount = (Long) session.get("amount_total");
        String currency = (String) session.get("currency");
        session.put("status", "complete");
        session.put("payment_status", "paid");
        if ("subscription".equals(session.get("mode"))) {
            @SuppressWarnings("unchecked") // built by this class
            Map<String, Object> subscriptionMetadata = (Map<String, Object>) session.get("_subscription_metadata");
            Map<String, Object> subscription = object("sub", "subscription");
            subscription.put("status", "active");
            subscription.put("currency", currency);
            subscription.put("metadata", subscriptionMetadata);
            subscription.put("_amount", amount);
            subscriptions.put((String) subscription.get("id"), subscription);
            session.put("subscription", subscription.get("id"));
            emit("checkout.session.completed", publicView(session));
            invoice(subscription, "invoice.paid", "subscription_create");
        } else {
            @SuppressWarnings("unchecked") // built by this class
            Map<String, Object> metadata = (Map<String, Object>) session.get("_payment_intent_metadata");
            Map<String, Object> intent = paymentIntent(amount, currency, metadata, true);
            session.put("payment_intent", intent.get("id"));
            emit("checkout.session.completed", publicView(session));
        }
    }

    /** The card is declined: {@code payment_intent.payment_failed}; the session stays open. */
    public synchronized void decline(String sessionId) {
        Map<String, Object> session = existing(sessions, sessionId, "checkout session");
        if (!"open".equals(session.get("status")) || "subscription".equals(session.get("mode"))) {
            return;
        }
        @SuppressWarnings("unchecked") // built by this class
        Map<String, Object> metadata = (Map<String, Object>) session.get("_payment_intent_metadata");
        Map<String, Object> intent =
                paymentIntent((Long) session.get("amount_total"), (String) session.get("currency"), metadata, false);
        emit("payment_intent.payment_failed", intent);
    }

    /** The next month of a subscription is paid: {@code invoice.paid}. */
    public synchronized void renew(String subscriptionId) {
        invoice(existing(subscriptions, subscriptionId, "subscription"), "invoice.paid", "subscription_cycle");
    }

    /** The next month of a subscription fails: {@code invoice.payment_failed}. */
    public synchronized void failRenewal(String subscriptionId) {
        invoice(
                existing(subscriptions, subscriptionId, "subscription"),
                "invoice.payment_failed",
                "subscription_cycle");
    }

    /**
     * A dispute on the charge of a payment intent: {@code status} {@code needs_response} opens it
     * ({@code charge.dispute.created}), {@code won} or {@code lost} closes it ({@code charge.dispute.closed}).
     */
    public synchronized void dispute(String paymentIntentId, String status) {
        Map<String, Object> intent = existing(paymentIntents, paymentIntentId, "payment intent");
        Map<String, Object> charge = charges.get((String) intent.get("latest_charge"));
        Map<String, Object> dispute = object("dp", "dispute");
        dispute.put("id", "dp_" + paymentIntentId.substring(3));
        dispute.put("amount", charge.get("amount"));
        dispute.put("currency", charge.get("currency"));
        dispute.put("charge", charge.get("id"));
        dispute.put("payment_intent", paymentIntentId);
        dispute.put("reason", "fraudulent");
        dispute.put("status", status);
        emit("needs_response".equals(status) ? "charge.dispute.created" : "charge.dispute.closed", dispute);
    }

    /** The session ids created so far, oldest first. */
    public List<String> sessionIds() {
        return sessions.values().stream()
                .sorted((a, b) -> Long.compare((Long) a.get("_seq"), (Long) b.get("_seq")))
                .map(s -> (String) s.get("id"))
                .toList();
    }

    @Override
    public void close() {
        server.stop(0);
        sender.shutdownNow();
        try {
            sender.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- HTTP

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Answer answer;
            try {
                if (path.startsWith("/v1/")) {
                    answer = api(exchange, method, path);
                } else if (path.startsWith("/checkout/")) {
                    answer = checkoutPage(exchange, method, path);
                    if (answer == null) {
                        return;
                    }
                } else if (path.startsWith("/_standin/") && method.equals("POST")) {
                    answer = control(path);
                } else {
                    answer = error(
                            404,
                            "invalid_request_error",
                            "Unrecognized request URL (" + method + ": " + path + ")",
                            null);
                }
            } catch (StandinError e) {
                answer = error(e.status, e.type, e.getMessage(), e.param);
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders()
                    .set(
                            "Content-Type",
                            answer.body().startsWith("<") ? "text/html; charset=utf-8" : "application/json");
            exchange.getResponseHeaders().set("Request-Id", "req_" + token(12));
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private Answer api(HttpExchange exchange, String method, String path) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.equals("Bearer " + apiKey)) {
            throw new StandinError(401, "invalid_request_error", "Invalid API Key provided", null);
        }
        String rawQuery = exchange.getRequestURI().getRawQuery();
        requests.add(method + " " + path
                + (rawQuery == null ? "" : "?" + URLDecoder.decode(rawQuery, StandardCharsets.UTF_8)));
        String body = read(exchange.getRequestBody());
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        String request = method + " " + path + "\n" + body;
        if (key != null && method.equals("POST")) {
            Stored earlier = idempotent.get(key);
            if (earlier != null) {
                if (!earlier.request().equals(request)) {
                    throw new StandinError(
                            400,
                            "idempotency_error",
                            "Keys for idempotent requests can only be used with the same parameters they were first used with.",
                            null);
                }
                return new Answer(earlier.status(), earlier.body());
            }
        }
        Map<String, String> form = form(method.equals("GET") ? query(exchange.getRequestURI()) : body);
        Answer answer = route(method, path, form);
        if (key != null && method.equals("POST")) {
            idempotent.putIfAbsent(key, new Stored(request, answer.status(), answer.body()));
        }
        return answer;
    }

    private synchronized Answer route(String method, String path, Map<String, String> form) {
        if (method.equals("POST") && path.equals("/v1/checkout/sessions")) {
            return ok(createSession(form));
        }
        if (method.equals("GET") && path.startsWith("/v1/checkout/sessions/")) {
            return ok(publicView(
                    existing(sessions, path.substring("/v1/checkout/sessions/".length()), "checkout session")));
        }
        if (method.equals("GET") && path.equals("/v1/invoice_payments")) {
            return ok(invoicePayments(form));
        }
        if (method.equals("POST") && path.equals("/v1/refunds")) {
            return ok(refund(form));
        }
        if (method.equals("GET") && path.startsWith("/v1/payment_intents/")) {
            return ok(paymentIntent(path.substring("/v1/payment_intents/".length()), form));
        }
        if (method.equals("DELETE") && path.startsWith("/v1/subscriptions/")) {
            return ok(cancel(path.substring("/v1/subscriptions/".length())));
        }
        throw new StandinError(
                404, "invalid_request_error", "Unrecognized request URL (" + method + ": " + path + ")", null);
    }

    private Map<String, Object> createSession(Map<String, String> form) {
        String mode = required(form, "mode");
        if (!mode.equals("payment") && !mode.equals("subscription")) {
            throw new StandinError(
                    400, "invalid_request_error", "Invalid mode: must be payment or subscription", "mode");
        }
        String successUrl = required(form, "success_url");
        String currency = required(form, "line_items[0][price_data][currency]").toLowerCase(Locale.ROOT);
        long unitAmount;
        long quantity;
        try {
            unitAmount = Long.parseLong(required(form, "line_items[0][price_data][unit_amount]"));
            quantity = Long.parseLong(form.getOrDefault("line_items[0][quantity]", "1"));
        } catch (NumberFormatException e) {
            throw new StandinError(
                    400, "invalid_request_error", "Invalid integer", "line_items[0][price_data][unit_amount]");
        }
        if (unitAmount < 50) {
            throw new StandinError(
                    400,
                    "invalid_request_error",
                    "The Checkout Session's total amount due must add up to at least $0.50",
                    "line_items");
        }
        if (mode.equals("subscription") && form.get("line_items[0][price_data][recurring][interval]") == null) {
            throw new StandinError(
                    400,
                    "invalid_request_error",
                    "You must specify `line_items[0][price_data][recurring]` in subscription mode",
                    "line_items[0][price_data][recurring]");
        }
        Map<String, Object> session = object("cs_test", "checkout.session");
        session.put("mode", mode);
        session.put("status", "open");
        session.put("payment_status", "unpaid");
        session.put("amount_total", Math.multiplyExact(unitAmount, quantity));
        session.put("currency", currency);
        session.put("customer_email", form.get("customer_email"));
        session.put("client_reference_id", form.get("client_reference_id"));
        session.put("success_url", successUrl);
        session.put("cancel_url", form.get("cancel_url"));
        session.put("metadata", prefixed(form, "metadata"));
        session.put("payment_intent", null);
        session.put("subscription", null);
        session.put("url", baseUrl() + "/checkout/" + session.get("id"));
        session.put("_product", form.getOrDefault("line_items[0][price_data][product_data][name]", "Payment"));
        session.put("_payment_intent_metadata", prefixed(form, "payment_intent_data[metadata]"));
        session.put("_subscription_metadata", prefixed(form, "subscription_data[metadata]"));
        session.put("_seq", (long) sessions.size());
        sessions.put((String) session.get("id"), session);
        return publicView(session);
    }

    private Map<String, Object> refund(Map<String, String> form) {
        String intentId = form.get("payment_intent");
        Map<String, Object> charge;
        if (intentId != null) {
            Map<String, Object> intent = existing(paymentIntents, intentId, "payment_intent");
            charge = charges.get((String) intent.get("latest_charge"));
        } else {
            charge = existing(charges, required(form, "charge"), "charge");
        }
        long amount = (Long) charge.get("amount");
        long refunded = (Long) charge.get("amount_refunded");
        long remaining = amount - refunded;
        if (remaining == 0) {
            throw new StandinError(
                    400, "invalid_request_error", "Charge " + charge.get("id") + " has already been refunded.", null);
        }
        long requested;
        try {
            requested = form.containsKey("amount") ? Long.parseLong(form.get("amount")) : remaining;
        } catch (NumberFormatException e) {
            throw new StandinError(400, "invalid_request_error", "Invalid integer: " + form.get("amount"), "amount");
        }
        if (requested <= 0 || requested > remaining) {
            throw new StandinError(
                    400,
                    "invalid_request_error",
                    "Refund amount (" + requested + ") is greater than unrefunded amount on charge (" + remaining + ")",
                    "amount");
        }
        charge.put("amount_refunded", refunded + requested);
        charge.put("refunded", refunded + requested == amount);
        Map<String, Object> refund = object("re", "refund");
        refund.put("amount", requested);
        refund.put("currency", charge.get("currency"));
        refund.put("charge", charge.get("id"));
        refund.put("payment_intent", charge.get("payment_intent"));
        refund.put("status", "succeeded");
        refund.put("reason", form.get("reason"));
        refund.put("metadata", prefixed(form, "metadata"));
        emit("charge.refunded", new LinkedHashMap<>(charge));
        return refund;
    }

    private Map<String, Object> cancel(String subscriptionId) {
        Map<String, Object> subscription = existing(subscriptions, subscriptionId, "subscription");
        if (!"canceled".equals(subscription.get("status"))) {
            subscription.put("status", "canceled");
            subscription.put("canceled_at", Instant.now().getEpochSecond());
            emit("customer.subscription.deleted", publicView(subscription));
        }
        return publicView(subscription);
    }

    private Answer checkoutPage(HttpExchange exchange, String method, String path) throws IOException {
        String rest = path.substring("/checkout/".length());
        String sessionId = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        Map<String, Object> session = sessions.get(sessionId);
        if (session == null) {
            return new Answer(404, page("Checkout not found", "<p>This checkout session does not exist.</p>"));
        }
        if (method.equals("GET")) {
            String amount = String.format(
                    Locale.ROOT,
                    "%d.%02d %s",
                    (Long) session.get("amount_total") / 100,
                    (Long) session.get("amount_total") % 100,
                    ((String) session.get("currency")).toUpperCase(Locale.ROOT));
            String body = "open".equals(session.get("status"))
                    ? "<p class=\"what\">" + escape((String) session.get("_product")) + "</p>"
                            + "<p class=\"amount\" id=\"amount\">" + amount
                            + ("subscription".equals(session.get("mode")) ? " per month" : "") + "</p>"
                            + "<p class=\"note\">Stripe stand-in: no card is charged.</p>"
                            + "<form method=\"post\" action=\"/checkout/" + sessionId + "/pay\">"
                            + "<button id=\"pay\" type=\"submit\">Pay " + amount + "</button></form>"
                            + "<form method=\"post\" action=\"/checkout/" + sessionId + "/decline\">"
                            + "<button id=\"decline\" class=\"secondary\" type=\"submit\">Decline the card</button></form>"
                    : "<p>This checkout is " + session.get("status") + ".</p>";
            return new Answer(200, page("Pay Endow", body));
        }
        if (method.equals("POST") && rest.endsWith("/pay")) {
            pay(sessionId);
            return redirect(
                    exchange, ((String) session.get("success_url")).replace("{CHECKOUT_SESSION_ID}", sessionId));
        }
        if (method.equals("POST") && rest.endsWith("/decline")) {
            decline(sessionId);
            String cancel = (String) session.get("cancel_url");
            if (cancel == null) {
                return new Answer(200, page("Declined", "<p>Your card was declined.</p>"));
            }
            return redirect(exchange, cancel);
        }
        return new Answer(405, page("Not allowed", "<p>Not allowed.</p>"));
    }

    private static Answer redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(303, -1);
        return null;
    }

    private Answer control(String path) {
        String[] parts = path.substring("/_standin/".length()).split("/");
        if (parts.length == 3 && parts[0].equals("subscriptions") && parts[2].equals("renew")) {
            renew(parts[1]);
        } else if (parts.length == 3 && parts[0].equals("subscriptions") && parts[2].equals("fail")) {
            failRenewal(parts[1]);
        } else if (parts.length == 4 && parts[0].equals("payment_intents") && parts[2].equals("dispute")) {
            dispute(parts[1], parts[3]);
        } else {
            throw new StandinError(404, "invalid_request_error", "Unknown control " + path, null);
        }
        return new Answer(200, "{\"ok\":true}");
    }

    // ---- objects and events

    private void invoice(Map<String, Object> subscription, String type, String reason) {
        long amount = (Long) subscription.get("_amount");
        String currency = (String) subscription.get("currency");
        boolean paid = type.equals("invoice.paid");
        Map<String, Object> intent = paymentIntent(amount, currency, Map.of(), paid);
        Map<String, Object> invoice = object("in", "invoice");
        invoice.put("amount_due", amount);
        invoice.put("amount_paid", paid ? amount : 0L);
        invoice.put("currency", currency);
        invoice.put("status", paid ? "paid" : "open");
        invoice.put("attempt_count", 1);
        invoice.put("billing_reason", reason);
        if (paid) {
            // since API version 2025-03-31 an invoice names no payment intent: its invoice payment does
            Map<String, Object> payment = object("inpay", "invoice_payment");
            payment.put("invoice", invoice.get("id"));
            payment.put("amount_paid", amount);
            payment.put("amount_requested", amount);
            payment.put("currency", currency);
            payment.put("is_default", true);
            payment.put("status", "paid");
            payment.put("payment", Map.of("type", "payment_intent", "payment_intent", intent.get("id")));
            invoicePayments.put((String) payment.get("id"), payment);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("subscription", subscription.get("id"));
        details.put("metadata", subscription.get("metadata"));
        invoice.put("parent", Map.of("type", "subscription_details", "subscription_details", details));
        emit(type, invoice);
    }

    private Map<String, Object> paymentIntent(
            long amount, String currency, Map<String, Object> metadata, boolean succeeded) {
        Map<String, Object> intent = object("pi", "payment_intent");
        intent.put("amount", amount);
        intent.put("currency", currency);
        intent.put("metadata", metadata);
        if (succeeded) {
            Map<String, Object> charge = object("ch", "charge");
            charge.put("amount", amount);
            charge.put("amount_refunded", 0L);
            charge.put("refunded", false);
            charge.put("currency", currency);
            charge.put("paid", true);
            charge.put("status", "succeeded");
            charge.put("payment_intent", intent.get("id"));
            charge.put("metadata", metadata);
            charges.put((String) charge.get("id"), charge);
            intent.put("status", "succeeded");
            intent.put("latest_charge", charge.get("id"));
        } else {
            intent.put("status", "requires_payment_method");
            intent.put(
                    "last_payment_error",
                    Map.of(
                            "code",
                            "card_declined",
                            "decline_code",
                            "generic_decline",
                            "message",
                            "Your card was declined."));
        }
        paymentIntents.put((String) intent.get("id"), intent);
        return intent;
    }

    private void emit(String type, Map<String, Object> object) {
        Map<String, Object> event = object("evt", "event");
        event.put("api_version", Stripe.API_VERSION);
        event.put("type", type);
        event.put("pending_webhooks", 1);
        event.put("request", Map.of());
        event.put("data", Map.of("object", object));
        Delivery delivery = new Delivery((String) event.get("id"), type, Json.write(event));
        events.add(delivery);
        if (!holding && webhookUrl != null) {
            sender.execute(() -> deliverWithRetries(delivery, webhookUrl));
        }
        if (!holding) {
            for (URI url : moreWebhookUrls) {
                sender.execute(() -> deliverWithRetries(delivery, url));
            }
        }
    }

    /** Stripe retries a failed delivery for days; the stand-in, for about a minute, doubling the wait. */
    private void deliverWithRetries(Delivery delivery, URI url) {
        long wait = 250;
        for (int attempt = 1; attempt <= 9; attempt++) {
            try {
                int status = deliver(delivery, url);
                if (status >= 200 && status < 300) {
                    return;
                }
                System.err.printf(
                        "stripe-standin: %s %s answered %d (attempt %d)%n",
                        delivery.type(), delivery.eventId(), status, attempt);
            } catch (IOException e) {
                System.err.printf(
                        "stripe-standin: %s %s not delivered: %s (attempt %d)%n",
                        delivery.type(), delivery.eventId(), e, attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            wait = Math.min(wait * 2, 15_000);
        }
    }

    /** A payment intent; with {@code expand[]=latest_charge} its charge as an object (amount, amount_refunded). */
    private Map<String, Object> paymentIntent(String id, Map<String, String> query) {
        Map<String, Object> intent = new LinkedHashMap<>(existing(paymentIntents, id, "payment_intent"));
        boolean expandCharge = query.entrySet().stream()
                .anyMatch(e -> e.getKey().startsWith("expand") && e.getValue().equals("latest_charge"));
        Map<String, Object> charge = charges.get((String) intent.get("latest_charge"));
        if (expandCharge && charge != null) {
            intent.put("latest_charge", new LinkedHashMap<>(charge));
        }
        return intent;
    }

    private Map<String, Object> invoicePayments(Map<String, String> query) {
        String invoice = query.get("invoice");
        String status = query.get("status");
        List<Map<String, Object>> data = invoicePayments.values().stream()
                .filter(p -> invoice == null || invoice.equals(p.get("invoice")))
                .filter(p -> status == null || status.equals(p.get("status")))
                .toList();
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("object", "list");
        list.put("data", data);
        list.put("has_more", false);
        list.put("url", "/v1/invoice_payments");
        return list;
    }

    private static Map<String, Object> object(String prefix, String type) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("id", prefix + "_" + token(24));
        object.put("object", type);
        object.put("created", Instant.now().getEpochSecond());
        object.put("livemode", false);
        return object;
    }

    /** The object without the stand-in's own bookkeeping (keys starting with an underscore). */
    private static Map<String, Object> publicView(Map<String, Object> object) {
        Map<String, Object> view = new LinkedHashMap<>();
        object.forEach((k, v) -> {
            if (!k.startsWith("_")) {
                view.put(k, v);
            }
        });
        return view;
    }

    private static Map<String, Object> existing(Map<String, Map<String, Object>> store, String id, String what) {
        Map<String, Object> object = store.get(id);
        if (object == null) {
            throw new StandinError(404, "invalid_request_error", "No such " + what + ": '" + id + "'", "id");
        }
        return object;
    }

    private static String required(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isEmpty()) {
            throw new StandinError(400, "invalid_request_error", "Missing required param: " + name + ".", name);
        }
        return value;
    }

    private static Map<String, Object> prefixed(Map<String, String> form, String prefix) {
        Map<String, Object> values = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith(prefix + "[") && k.endsWith("]") && k.indexOf('[', prefix.length() + 1) < 0) {
                values.put(k.substring(prefix.length() + 1, k.length() - 1), v);
            }
        });
        return values;
    }

    private static String query(URI uri) {
        return uri.getRawQuery() == null ? "" : uri.getRawQuery();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(key, value);
        }
        return form;
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static Answer ok(Map<String, Object> object) {
        return new Answer(200, Json.write(object));
    }

    private static Answer error(int status, String type, String message, String param) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", type);
        error.put("message", message);
        if (param != null) {
            error.put("param", param);
        }
        return new Answer(status, Json.write(Map.of("error", error)));
    }

    private static String token(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).substring(0, length);
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title><style>body{font-family:system-ui,sans-serif;background:#f6f9fc;margin:0}"
                + "main{max-width:420px;margin:48px auto;background:#fff;border-radius:8px;padding:32px;"
                + "box-shadow:0 2px 8px rgba(0,0,0,.1)}h1{font-size:1.2rem;color:#635bff}.amount{font-size:2rem;margin:8px 0}"
                + ".note{color:#697386;font-size:.85rem}button{width:100%;padding:12px;margin-top:12px;border:0;border-radius:6px;"
                + "background:#635bff;color:#fff;font-size:1rem;cursor:pointer}button.secondary{background:#e3e8ee;color:#1a1f36}"
                + "</style></head><body><main><h1>" + escape(title) + "</h1>" + body + "</main></body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static final class StandinError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String type;
        private final String param;

        StandinError(int status, String type, String message, String param) {
            super(message);
            this.status = status;
            this.type = type;
            this.param = param;
        }
    }

    /** {@code java ... StripeStandin [port]} with {@code STRIPE_STANDIN_API_KEY}, {@code STRIPE_STANDIN_WEBHOOK_SECRET}, {@code STRIPE_STANDIN_WEBHOOK_URL}. */
    public static void main(String[] args) throws IOException, InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 12111;
        String key = Objects.requireNonNull(System.getenv("STRIPE_STANDIN_API_KEY"), "STRIPE_STANDIN_API_KEY");
        String secret =
                Objects.requireNonNull(System.getenv("STRIPE_STANDIN_WEBHOOK_SECRET"), "STRIPE_STANDIN_WEBHOOK_SECRET");
        String url = System.getenv("STRIPE_STANDIN_WEBHOOK_URL");
        StripeStandin standin = start(port, key, secret, url == null ? null : URI.create(url));
        System.out.println("Stripe stand-in on " + standin.baseUrl());
        new java.util.concurrent.CountDownLatch(1).await();
    }
}
