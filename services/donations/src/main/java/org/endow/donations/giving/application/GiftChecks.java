package org.endow.donations.giving.application;

import jakarta.inject.Singleton;
import org.endow.donations.fundeditems.model.FundedItem;
import org.endow.donations.fundeditems.model.FundedItems;
import org.endow.donations.giving.model.DonorContact;
import org.endow.donations.giving.model.Frequency;
import org.endow.donations.giving.model.GiftOptions;
import org.endow.donations.giving.model.GivingPolicy;
import org.endow.donations.giving.model.Recognition;
import org.endow.kernel.Money;
import org.endow.platform.problem.ProblemException;

/** The checks every new gift passes, by bank, cheque or card: amount, currency, contact, fund. Field by field. */
@Singleton
class GiftChecks {

    private final FundedItems fundedItems;
    private final GivingPolicy policy;

    GiftChecks(FundedItems fundedItems, GivingPolicy policy) {
        this.fundedItems = fundedItems;
        this.policy = policy;
    }

    /** The funded item, open for gifts. */
    FundedItem openItem(String fundCode) {
        FundedItem item = fundedItems
                .find(fundCode)
                .orElseThrow(() -> ProblemException.invalidField("fundCode", "no funded item '" + fundCode + "'"));
        if (!item.acceptsGifts()) {
            throw ProblemException.invalidField(
                    "fundCode",
                    "'" + item.code() + "' is " + item.status().toLowerCase() + " and no longer takes gifts");
        }
        return item;
    }

    GiftOptions optionsOf(PledgeCommand command) {
        DonorContact contact;
        try {
            contact = new DonorContact(
                    command.donorName() == null ? "" : command.donorName().strip(),
                    command.donorEmail() == null ? "" : command.donorEmail().strip());
        } catch (IllegalArgumentException e) {
            String name = command.donorName();
            boolean nameIsWrong = name == null
                    || name.isBlank()
                    || name.length() > 200
                    || name.chars().anyMatch(Character::isISOControl);
            throw ProblemException.invalidField(nameIsWrong ? "donorName" : "donorEmail", e.getMessage());
        }
        Frequency frequency = command.frequency() == null
                ? Frequency.ONE_TIME
                : Frequency.parse(command.frequency())
                        .orElseThrow(() -> ProblemException.invalidField("frequency", "must be ONE_TIME or MONTHLY"));
        if (command.dedication() != null && command.dedication().chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.invalidField("dedication", "must not contain control characters");
        }
        if (command.recognition() != null
                && command.recognition().displayName() != null
                && command.recognition().displayName().chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.invalidField("recognition.displayName", "must not contain control characters");
        }
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

    Money amountOf(PledgeCommand command) {
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
}
