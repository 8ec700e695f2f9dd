package org.endow.donations.giving.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.endow.donations.fundeditems.model.FundedItem;
import org.endow.donations.fundeditems.model.FundedItems;
import org.endow.donations.giving.model.Donation;
import org.endow.donations.giving.model.DonationEvent;
import org.endow.donations.giving.model.DonationId;
import org.endow.donations.giving.model.Donations;
import org.endow.donations.giving.model.DonorContact;
import org.endow.donations.giving.model.Frequency;
import org.endow.donations.giving.model.GiftOptions;
import org.endow.donations.giving.model.GivingPolicy;
import org.endow.donations.giving.model.PaymentMethod;
import org.endow.donations.giving.model.Recognition;
import org.endow.kernel.Money;
import org.endow.platform.messaging.Outbox;
import org.endow.platform.problem.ProblemException;

/**
 * A donor pledges a gift to a funded item. The donation and its {@code DonationPledged} event are
 * written in one transaction; the event reaches the funds ledger through the outbox.
 */
@Singleton
public class PledgingDonation {

    private final Donations donations;
    private final FundedItems fundedItems;
    private final GivingPolicy policy;
    private final Outbox outbox;
    private final Clock clock;

    PledgingDonation(Donations donations, FundedItems fundedItems, GivingPolicy policy, Outbox outbox, Clock clock) {
        this.donations = donations;
        this.fundedItems = fundedItems;
        this.policy = policy;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @return the pledge, and whether it was created now (false: a retry of an earlier request) */
    @Transactional
    public Result pledge(PledgeCommand command) {
        if (command.idempotencyKey() != null) {
            Optional<Donation> earlier = donations.findByIdempotencyKey(command.donor(), command.idempotencyKey());
            if (earlier.isPresent()) {
                return new Result(earlier.get(), false);
            }
        }
        Money amount = amountOf(command);
        PaymentMethod method = PaymentMethod.parse(command.method())
                .filter(m -> m != PaymentMethod.CARD)
                .orElseThrow(() -> ProblemException.invalidField(
                        "method", "must be BANK_TRANSFER or CHEQUE (card gifts go through checkout)"));
        GiftOptions options = optionsOf(command);
        FundedItem item = fundedItems
                .find(command.fundCode())
                .orElseThrow(
                        () -> ProblemException.invalidField("fundCode", "no funded item '" + command.fundCode() + "'"));
        if (!item.acceptsGifts()) {
            throw ProblemException.invalidField(
                    "fundCode",
                    "'" + item.code() + "' is " + item.status().toLowerCase() + " and no longer takes gifts");
        }
        DonationEvent.DonationPledged pledged = Donation.pledge(
                DonationId.random(), command.donor(), options, amount, item.code(), method, clock.instant());
        Donation donation = Donation.from(pledged);
        donations.add(donation, command.idempotencyKey());
        DonationIntegrationEvents.publish(outbox, pledged);
        return new Result(donation, true);
    }

    private static GiftOptions optionsOf(PledgeCommand command) {
        DonorContact contact;
        try {
            contact = new DonorContact(
                    command.donorName() == null ? "" : command.donorName().strip(),
                    command.donorEmail() == null ? "" : command.donorEmail().strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(
                    command.donorName() == null || command.donorName().isBlank() ? "donorName" : "donorEmail",
                    e.getMessage());
        }
        Frequency frequency = command.frequency() == null
                ? Frequency.ONE_TIME
                : Frequency.parse(command.frequency())
                        .orElseThrow(() -> ProblemException.invalidField("frequency", "must be ONE_TIME or MONTHLY"));
        if (command.dedication() != null && command.dedication().length() > GiftOptions.MAX_DEDICATION) {
            throw ProblemException.invalidField(
                    "dedication", "must be at most " + GiftOptions.MAX_DEDICATION + " characters");
        }
        PledgeCommand.RecognitionChoice choice = command.recognition();
        Recognition recognition = choice == null
                ? Recognition.NONE
                : new Recognition(choice.consent(), choice.anonymous(), choice.displayName());
        return new GiftOptions(contact, frequency, command.dedication(), recognition);
    }

    private Money amountOf(PledgeCommand command) {
        Money amount;
        try {
            amount = Money.of(command.amountMinor(), command.currency());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("currency", e.getMessage());
        }
        if (!policy.currencies().contains(amount.currencyCode())) {
            throw ProblemException.invalidField(
                    "currency", policy.refusal(amount).orElseThrow());
        }
        policy.refusal(amount).ifPresent(reason -> {
            throw ProblemException.invalidField("amountMinor", reason);
        });
        return amount;
    }

    public record Result(Donation donation, boolean created) {}
}
