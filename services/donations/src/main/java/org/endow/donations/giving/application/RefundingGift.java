package org.endow.donations.giving.application;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import org.endow.donations.giving.model.CardPayments;
import org.endow.donations.giving.model.Donation;
import org.endow.donations.giving.model.DonationEvent;
import org.endow.donations.giving.model.DonationId;
import org.endow.donations.giving.model.Donations;
import org.endow.donations.giving.model.PaymentMethod;
import org.endow.donations.giving.model.StaffActions;
import org.endow.kernel.Money;
import org.endow.platform.messaging.Outbox;
import org.endow.platform.problem.ProblemException;

/**
 * Staff refund all or part of a received gift, audited. A card gift is refunded through the
 * provider (the ledger changes when the provider confirms it, as for a refund made in its
 * dashboard); a bank or cheque gift is recorded as refunded at once (staff send the money back).
 * More than what is left of the gift is refused.
 */
@Singleton
public class RefundingGift {

    private final Donations donations;
    private final CardPayments payments;
    private final CardCheckout checkout;
    private final StaffActions audit;
    private final Outbox outbox;
    private final DonorMails mails;
    private final Clock clock;
    private final TransactionOperations<Connection> transactions;

    RefundingGift(
            Donations donations,
            CardPayments payments,
            CardCheckout checkout,
            StaffActions audit,
            Outbox outbox,
            DonorMails mails,
            Clock clock,
            TransactionOperations<Connection> transactions) {
        this.donations = donations;
        this.payments = payments;
        this.checkout = checkout;
        this.audit = audit;
        this.outbox = outbox;
        this.mails = mails;
        this.clock = clock;
        this.transactions = transactions;
    }

    /**
     * @param idempotencyKey the client's key: the same key never refunds twice
     * @return what happened: {@code REFUNDED} (recorded now) or {@code REQUESTED} (the provider confirms it)
     */
    public Outcome refund(String staffId, DonationId id, long amountMinor, String reason, String idempotencyKey) {
        Donation donation = transactions.executeRead(status -> checked(id, amountMinor));
        Money part = Money.of(amountMinor, donation.amount().currencyCode());
        if (donation.method() != PaymentMethod.CARD) {
            return new Outcome(
                    "REFUNDED", transactions.executeWrite(status -> recordOffline(staffId, id, part, reason)));
        }
        String payment = transactions
                .executeRead(status -> payments.paymentOf(id))
                .orElseThrow(() -> ProblemException.conflict("donation " + id + " has no card payment on record"));
        String key = idempotencyKey != null
                ? "refund-" + id + "-" + idempotencyKey
                : "refund-" + id + "-" + donation.refunded().minor() + "-" + amountMinor;
        try {
            checkout.refund(payment, part, reason, key);
        } catch (CardCheckout.Refused e) {
            throw new ProblemException(
                    HttpStatus.CONFLICT,
                    "Refund refused by the payment provider",
                    e.getMessage() + ". Nothing was refunded; check the payment in the provider's dashboard.",
                    List.of());
        } catch (CardCheckout.Unavailable e) {
            throw new ProblemException(
                    HttpStatus.BAD_GATEWAY,
                    "Refund not accepted by the payment provider",
                    e.getMessage()
                            + ". Nothing was refunded; the request can be repeated with the same Idempotency-Key.",
                    List.of());
        }
        transactions.executeWrite(status -> {
            audit.record(
                    staffId, "donation.refund-requested", id.toString(), part + " by card: " + reason, clock.instant());
            return null;
        });
        return new Outcome("REQUESTED", donation);
    }

    private Donation checked(DonationId id, long amountMinor) {
        Donation donation = donations.find(id).orElseThrow(() -> ProblemException.notFound("No donation " + id));
        Money part;
        try {
            part = Money.of(amountMinor, donation.amount().currencyCode());
            donation.checkRefundable(part);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("amountMinor", e.getMessage());
        } catch (IllegalStateException e) {
            throw ProblemException.conflict(e.getMessage());
        }
        return donation;
    }

    private Donation recordOffline(String staffId, DonationId id, Money part, String reason) {
        Donation donation = donations.lock(id).orElseThrow(() -> ProblemException.notFound("No donation " + id));
        DonationEvent.DonationRefunded refunded;
        try {
            refunded = donation.refund(part, clock.instant(), reason);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("amountMinor", e.getMessage());
        } catch (IllegalStateException e) {
            throw ProblemException.conflict(e.getMessage());
        }
        donations.update(donation);
        DonationIntegrationEvents.publish(outbox, refunded);
        mails.refunded(donation, part);
        audit.record(staffId, "donation.refunded", id.toString(), part + ": " + reason, refunded.occurredAt());
        return donation;
    }

    public record Outcome(String state, Donation donation) {}
}
