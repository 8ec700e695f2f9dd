package org.endow.donations.registrations.model;

import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** The registrations of events, one per event and email. */
public interface Registrations {

    /** @return false when the registrant (event and email) is already there: nothing changes */
    boolean addIfAbsent(Registration registration);

    List<Registration> ofEvent(String eventCode);

    /** Remembers the SHA-256 of the registrant's offer token. */
    void setOfferTokenHash(String eventCode, String email, String tokenHash);

    Optional<Registration> findByOfferTokenHash(String tokenHash);

    /** Stores the answer; the answer is written once (a second writer loses and gets false). */
    boolean recordAnswer(Registration registration);

    /** How the answer was carried out: the refund's way and reference, the donation's id (each may be null). */
    Tally tally(String eventCode, Currency currency);

    void recordSettlement(String eventCode, String email, String refundWay, String refundReference, String donationId);

    /** The refunds of an event due by bank transfer, those still owed first, then those sent. */
    List<BankRefund> bankRefunds(String eventCode);

    /** The registrant's refund due by bank, locked until the transaction ends; empty when none is due by bank. */
    Optional<BankRefund> lockBankRefund(String eventCode, String email);

    boolean exists(String eventCode, String email);

    /** Stores that the refund (with its {@link BankRefund#sent()}) was sent. */
    void recordBankRefundSent(BankRefund refund);
}
