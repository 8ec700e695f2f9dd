package org.endow.donations.giving.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.endow.donations.fundeditems.model.FundedItem;
import org.endow.donations.giving.model.Donation;
import org.endow.donations.giving.model.DonationEvent;
import org.endow.donations.giving.model.DonationId;
import org.endow.donations.giving.model.Donations;
import org.endow.donations.giving.model.GiftOptions;
import org.endow.donations.giving.model.PaymentMethod;
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
    private final GiftChecks checks;
    private final Outbox outbox;
    private final Clock clock;

    PledgingDonation(Donations donations, GiftChecks checks, Outbox outbox, Clock clock) {
        this.donations = donations;
        this.checks = checks;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @return the pledge, and whether it was created now (false: a retry of an earlier request) */
    @Transactional
    public Result pledge(PledgeCommand command) {
        DonationEvent.DonationPledged pledged;
        try {
            pledged = checked(command);
        } catch (ProblemException refused) {
            // a retry of a pledge made before the fund closed (or the limits changed) still gets that pledge
            return earlier(command).orElseThrow(() -> refused);
        }
        Donation donation = Donation.from(pledged);
        // one insert tells a new pledge from a retry: no look-up before every gift
        if (!donations.addUnlessRetried(donation, command.idempotencyKey())) {
            return earlier(command)
                    .orElseThrow(() -> new IllegalStateException(
                            "idempotency key " + command.idempotencyKey() + " is taken but its pledge is not found"));
        }
        DonationIntegrationEvents.publish(outbox, pledged);
        return new Result(donation, true);
    }

    private DonationEvent.DonationPledged checked(PledgeCommand command) {
        Money amount = checks.amountOf(command);
        PaymentMethod method = PaymentMethod.parse(command.method())
                .filter(m -> m != PaymentMethod.CARD)
                .orElseThrow(() -> ProblemException.invalidField(
                        "method", "must be BANK_TRANSFER or CHEQUE (card gifts go through checkout)"));
        GiftOptions options = checks.optionsOf(command);
        FundedItem item = checks.openItem(command.fundCode());
        return Donation.pledge(
                DonationId.random(), command.donor(), options, amount, item.code(), method, clock.instant());
    }

    private Optional<Result> earlier(PledgeCommand command) {
        if (command.idempotencyKey() == null) {
            return Optional.empty();
        }
        return donations
                .findByIdempotencyKey(command.donor(), command.idempotencyKey())
                .map(earlier -> new Result(earlier, false));
    }

    public record Result(Donation donation, boolean created) {}
}
