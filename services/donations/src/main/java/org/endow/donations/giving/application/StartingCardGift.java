package org.endow.donations.giving.application;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.endow.donations.fundeditems.model.FundedItem;
import org.endow.donations.giving.model.CardPayments;
import org.endow.donations.giving.model.Donation;
import org.endow.donations.giving.model.DonationId;
import org.endow.donations.giving.model.Donations;
import org.endow.donations.giving.model.Frequency;
import org.endow.donations.giving.model.GiftOptions;
import org.endow.donations.giving.model.RecurringGift;
import org.endow.donations.giving.model.RecurringGifts;
import org.endow.kernel.Money;
import org.endow.kernel.TimeOrderedIds;
import org.endow.platform.problem.ProblemException;

/**
 * A donor (signed in or a guest) gives by card: the gift is recorded as awaiting payment, a hosted
 * checkout is opened at the provider, and the donor is sent there. Nothing reaches the ledger until
 * a verified event confirms the payment ({@link RecordingCardPayments}). The provider is called
 * outside any database transaction, with the gift's id as idempotency key, so a retry (or a crash
 * between the two steps) opens the same checkout, never a second one.
 */
@Singleton
public class StartingCardGift {

    private final Drafts drafts;
    private final CardCheckout checkout;

    StartingCardGift(Drafts drafts, CardCheckout checkout) {
        this.drafts = drafts;
        this.checkout = checkout;
    }

    public Started start(PledgeCommand command) {
        if (!checkout.enabled()) {
            drafts.check(command); // a wrong gift is told field by field first
            throw new ProblemException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Card payments are off",
                    "No card payment provider is configured: give by bank transfer or cheque instead.",
                    List.of());
        }
        Draft draft = drafts.draft(command);
        if (draft.checkout().isPresent()) {
            return new Started(
                    draft.giftId(), draft.monthly(), draft.checkout().get().url(), false);
        }
        CardCheckout.Opened opened;
        try {
            opened = checkout.open(
                    new CardCheckout.Request(
                            draft.giftId().toString(),
                            draft.monthly(),
                            draft.amount(),
                            draft.description(),
                            draft.email()),
                    "checkout-" + draft.giftId());
        } catch (CardCheckout.Unavailable e) {
            throw new ProblemException(
                    HttpStatus.BAD_GATEWAY,
                    "Payment provider unavailable",
                    "The card payment could not be started (" + e.getMessage()
                            + "). Nothing was charged; please try again in a moment.",
                    List.of());
        }
        drafts.opened(draft, opened);
        return new Started(draft.giftId(), draft.monthly(), opened.url(), true);
    }

    /**
     * @param giftId the donation's id, or the monthly gift's id
     * @param created false when an earlier request with the same idempotency key is answered again
     */
    public record Started(UUID giftId, boolean monthly, String checkoutUrl, boolean created) {}

    public record Draft(
            UUID giftId,
            boolean monthly,
            Money amount,
            String description,
            String email,
            Optional<CardPayments.OpenCheckout> checkout) {}

    /** The two short transactions around the provider call. */
    @Singleton
    public static class Drafts {

        private final Donations donations;
        private final RecurringGifts recurring;
        private final CardPayments payments;
        private final GiftChecks checks;
        private final Clock clock;

        Drafts(Donations donations, RecurringGifts recurring, CardPayments payments, GiftChecks checks, Clock clock) {
            this.donations = donations;
            this.recurring = recurring;
            this.payments = payments;
            this.checks = checks;
            this.clock = clock;
        }

        @Transactional(readOnly = true)
        public void check(PledgeCommand command) {
            checks.amountOf(command);
            checks.optionsOf(command);
            checks.openItem(command.fundCode());
        }

        @Transactional
        public Draft draft(PledgeCommand command) {
            if (command.idempotencyKey() != null) {
                Optional<Draft> earlier = donations
                        .findByIdempotencyKey(command.donor(), command.idempotencyKey())
                        .map(d -> new Draft(
                                d.id().value(),
                                false,
                                d.amount(),
                                "",
                                d.options().contact().email(),
                                payments.checkoutOf(d.id())))
                        .or(() -> recurring
                                .findByIdempotencyKey(command.donor(), command.idempotencyKey())
                                .map(g -> new Draft(
                                        g.id(),
                                        true,
                                        g.monthly(),
                                        "",
                                        g.options().contact().email(),
                                        payments.checkoutOfRecurring(g.id()))));
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            Money amount = checks.amountOf(command);
            GiftOptions options = checks.optionsOf(command);
            FundedItem item = checks.openItem(command.fundCode());
            String purpose = "general".equals(item.code()) ? "the general fund" : item.title();
            if (options.frequency() == Frequency.MONTHLY) {
                RecurringGift gift = RecurringGift.awaitingCard(
                        TimeOrderedIds.next(), command.donor(), options, amount, item.code(), clock.instant());
                recurring.add(gift, command.idempotencyKey());
                return new Draft(
                        gift.id(),
                        true,
                        amount,
                        "Monthly gift to " + purpose,
                        options.contact().email(),
                        Optional.empty());
            }
            Donation donation = Donation.awaitingCard(
                    DonationId.random(), command.donor(), options, amount, item.code(), clock.instant());
            donations.add(donation, command.idempotencyKey());
            return new Draft(
                    donation.id().value(),
                    false,
                    amount,
                    "Gift to " + purpose,
                    options.contact().email(),
                    Optional.empty());
        }

        @Transactional
        public void opened(Draft draft, CardCheckout.Opened opened) {
            if (draft.monthly()) {
                payments.checkoutOpened(opened.checkoutId(), opened.url(), null, draft.giftId());
            } else {
                payments.checkoutOpened(opened.checkoutId(), opened.url(), new DonationId(draft.giftId()), null);
            }
        }
    }
}
