package org.endow.donations.registrations.application;

import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.endow.donations.registrations.model.BankRefund;
import org.endow.donations.registrations.model.Conversion;
import org.endow.donations.registrations.model.Registration;
import org.endow.donations.registrations.model.Registrations;
import org.endow.donations.registrations.model.Tally;
import org.endow.kernel.Money;

/** Registrations in memory; stored registrations are copies, as a database would keep them. */
final class InMemoryRegistrations implements Registrations {

    record Settled(String refundWay, String refundReference, String donationId) {}

    private final Map<String, Registration> byKey = new LinkedHashMap<>();
    private final Map<String, String> keyByTokenHash = new HashMap<>();
    final Map<String, Settled> settlements = new HashMap<>();
    private final Map<String, BankRefund.Sent> sent = new HashMap<>();

    private static String key(String eventCode, String email) {
        return eventCode + "/" + email;
    }

    private static Registration copy(Registration r) {
        return new Registration(
                r.eventCode(),
                r.email(),
                r.name(),
                r.ticketType(),
                r.paid(),
                r.paymentIntentId().orElse(null),
                r.conversion().orElse(null),
                r.answeredAt().orElse(null),
                r.answeredByDefault());
    }

    @Override
    public boolean addIfAbsent(Registration registration) {
        return byKey.putIfAbsent(key(registration.eventCode(), registration.email()), copy(registration)) == null;
    }

    @Override
    public List<Registration> ofEvent(String eventCode) {
        return byKey.values().stream()
                .filter(r -> r.eventCode().equals(eventCode))
                .map(InMemoryRegistrations::copy)
                .toList();
    }

    @Override
    public void setOfferTokenHash(String eventCode, String email, String tokenHash) {
        keyByTokenHash.put(tokenHash, key(eventCode, email));
    }

    @Override
    public Optional<Registration> findByOfferTokenHash(String tokenHash) {
        return Optional.ofNullable(keyByTokenHash.get(tokenHash))
                .map(byKey::get)
                .map(InMemoryRegistrations::copy);
    }

    @Override
    public boolean recordAnswer(Registration registration) {
        String key = key(registration.eventCode(), registration.email());
        if (byKey.get(key).conversion().isPresent()) {
            return false;
        }
        byKey.put(key, copy(registration));
        return true;
    }

    @Override
    public Tally tally(String eventCode, Currency currency) {
        int refund = 0, all = 0, part = 0, open = 0, dueCount = 0;
        Money converted = new Money(0, currency), refunded = converted, due = converted;
        for (Registration r : ofEvent(eventCode)) {
            if (r.conversion().isEmpty()) {
                open++;
                continue;
            }
            Conversion c = r.conversion().get();
            switch (c.answer()) {
                case REFUND -> refund++;
                case DONATE_ALL -> all++;
                case DONATE_PART -> part++;
            }
            converted = converted.plus(c.donated());
            Settled s = settlements.get(key(r.eventCode(), r.email()));
            boolean byBank = s != null && "DUE_BY_BANK".equals(s.refundWay());
            if (byBank && !sent.containsKey(key(r.eventCode(), r.email()))) {
                due = due.plus(c.refunded());
                dueCount++;
            } else {
                refunded = refunded.plus(c.refunded());
            }
        }
        return new Tally(refund, all, part, open, converted, refunded, due, dueCount);
    }

    @Override
    public void recordSettlement(
            String eventCode, String email, String refundWay, String refundReference, String donationId) {
        settlements.put(key(eventCode, email), new Settled(refundWay, refundReference, donationId));
    }

    @Override
    public List<BankRefund> bankRefunds(String eventCode) {
        return ofEvent(eventCode).stream()
                .map(r -> bankRefund(r.eventCode(), r.email()))
                .flatMap(Optional::stream)
                .sorted(java.util.Comparator.comparing(
                        (BankRefund b) -> b.sent().isPresent()))
                .toList();
    }

    @Override
    public Optional<BankRefund> lockBankRefund(String eventCode, String email) {
        return bankRefund(eventCode, email);
    }

    @Override
    public boolean exists(String eventCode, String email) {
        return byKey.containsKey(key(eventCode, email));
    }

    @Override
    public void recordBankRefundSent(BankRefund refund) {
        sent.put(key(refund.eventCode(), refund.email()), refund.sent().orElseThrow());
    }

    private Optional<BankRefund> bankRefund(String eventCode, String email) {
        Registration r = byKey.get(key(eventCode, email));
        Settled s = settlements.get(key(eventCode, email));
        if (r == null || s == null || !"DUE_BY_BANK".equals(s.refundWay())) {
            return Optional.empty();
        }
        return Optional.of(new BankRefund(
                eventCode,
                email,
                r.name(),
                r.ticketType(),
                r.conversion().orElseThrow().refunded(),
                Optional.ofNullable(s.refundReference()),
                r.answeredAt().orElseThrow(),
                Optional.ofNullable(sent.get(key(eventCode, email)))));
    }

    List<Registration> all() {
        return new ArrayList<>(byKey.values());
    }
}
