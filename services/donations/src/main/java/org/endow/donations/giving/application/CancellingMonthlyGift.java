package org.endow.donations.giving.application;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.endow.donations.giving.model.CardPayments;
import org.endow.donations.giving.model.DonorId;
import org.endow.donations.giving.model.RecurringGift;
import org.endow.donations.giving.model.RecurringGifts;
import org.endow.donations.giving.model.StaffActions;
import org.endow.platform.messaging.Outbox;
import org.endow.platform.problem.ProblemException;

/**
 * A donor ends their monthly gift (or staff do, audited). An active subscription is cancelled at
 * the provider, whose confirmation ends the gift ({@link RecordingCardPayments}); a gift whose
 * checkout never completed ends at once.
 */
@Singleton
public class CancellingMonthlyGift {

    private final RecurringGifts gifts;
    private final CardPayments payments;
    private final CardCheckout checkout;
    private final StaffActions audit;
    private final Outbox outbox;
    private final DonorMails mails;
    private final Clock clock;
    private final TransactionOperations<Connection> transactions;

    CancellingMonthlyGift(
            RecurringGifts gifts,
            CardPayments payments,
            CardCheckout checkout,
            StaffActions audit,
            Outbox outbox,
            DonorMails mails,
            Clock clock,
            TransactionOperations<Connection> transactions) {
        this.gifts = gifts;
        this.payments = payments;
        this.checkout = checkout;
        this.audit = audit;
        this.outbox = outbox;
        this.mails = mails;
        this.clock = clock;
        this.transactions = transactions;
    }

    /**
     * @param staffId the staff member acting, {@code null} when the donor cancels their own
     * @return {@code CANCELLED} (ended now) or {@code REQUESTED} (the provider confirms it)
     */
    public String cancel(UUID giftId, DonorId donor, String staffId) {
        Optional<String> subscription = transactions.executeWrite(status -> subscriptionOf(giftId, donor, staffId));
        if (subscription.isEmpty()) {
            return "CANCELLED";
        }
        try {
            checkout.cancelSubscription(subscription.get(), "cancel-" + giftId);
        } catch (CardCheckout.Unavailable e) {
            throw new ProblemException(
                    HttpStatus.BAD_GATEWAY,
                    "Payment provider unavailable",
                    e.getMessage() + ". The monthly gift continues; please try again.",
                    List.of());
        }
        return "REQUESTED";
    }

    /** The subscription to cancel; empty when the gift was ended here and then. */
    private Optional<String> subscriptionOf(UUID giftId, DonorId donor, String staffId) {
        RecurringGift gift = gifts.lock(giftId)
                .filter(g -> staffId != null || g.belongsTo(donor))
                .orElseThrow(() -> ProblemException.notFound("No monthly gift " + giftId));
        if (gift.status() == RecurringGift.Status.CANCELLED) {
            throw ProblemException.conflict("This monthly gift has already ended");
        }
        if (staffId != null) {
            audit.record(staffId, "recurring-gift.cancelled", giftId.toString(), "by staff", clock.instant());
        }
        Optional<String> subscription = payments.subscriptionOf(giftId);
        if (subscription.isEmpty()) {
            gift.cancel(clock.instant(), staffId == null ? "cancelled by the donor" : "cancelled by staff")
                    .ifPresent(cancelled -> {
                        gifts.update(gift);
                        DonationIntegrationEvents.publish(outbox, cancelled);
                        mails.monthlyCancelled(gift, cancelled.reason());
                    });
        }
        return subscription;
    }
}
