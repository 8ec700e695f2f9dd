package org.endow.donations.registrations.application;

import java.util.Optional;
import org.endow.donations.registrations.model.Registration;
import org.endow.kernel.Money;

/**
 * Gives back the refunded part of a registration: on its original card payment when it has a payment
 * intent and card payments are configured, otherwise recorded as due for staff to pay by bank.
 */
public interface RefundingPayments {

    Refund refund(Registration registration, Money amount);

    /**
     * The registration's card payment as the provider knows it now: what it took and what of it is refunded so far.
     * Empty when the registration has no card payment, card payments are off, or the provider does not know it.
     */
    default Optional<CardPayment> cardPayment(Registration registration) {
        return Optional.empty();
    }

    record CardPayment(Money amount, Money refunded) {}

    /** How the refund goes back: {@code reference} is the card refund's id, or null when due by bank. */
    record Refund(Way way, String reference) {}

    enum Way {
        ON_CARD,
        DUE_BY_BANK
    }
}
