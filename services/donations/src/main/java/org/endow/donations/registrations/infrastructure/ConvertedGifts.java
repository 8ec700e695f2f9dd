package org.endow.donations.registrations.infrastructure;

import jakarta.inject.Singleton;
import java.time.Instant;
import org.endow.donations.giving.application.RecordingPaidGift;
import org.endow.donations.giving.model.DonorId;
import org.endow.donations.giving.model.PaymentMethod;
import org.endow.donations.receipts.model.DonorContacts;
import org.endow.donations.registrations.application.RecordingConvertedGift;
import org.endow.donations.registrations.model.Registration;
import org.endow.kernel.Money;

/**
 * A converted ticket becomes a received donation of the donor {@code registrant:<email>}, whose
 * received reference is {@code CONVERTED_REGISTRATION:<event code>}: what a receipt reads to say
 * where the gift came from. A ticket paid by card links the gift to its payment intent (with what was refunded on
 * it for the answer), so that Stripe's later refunds and disputes of that payment reach the gift.
 */
@Singleton
class ConvertedGifts implements RecordingConvertedGift {

    private final RecordingPaidGift gifts;
    private final DonorContacts contacts;

    ConvertedGifts(RecordingPaidGift gifts, DonorContacts contacts) {
        this.gifts = gifts;
        this.contacts = contacts;
    }

    @Override
    public String record(
            Registration registration, Money donated, Money refundedBeforeGift, String fundCode, Instant at) {
        DonorId donor = new DonorId("registrant:" + registration.email());
        contacts.remember(donor, new DonorContacts.Contact(registration.name(), registration.email()));
        return gifts.record(
                        donor,
                        new org.endow.donations.giving.model.DonorContact(registration.name(), registration.email()),
                        donated,
                        fundCode,
                        registration.paymentIntentId().isPresent() ? PaymentMethod.CARD : PaymentMethod.BANK_TRANSFER,
                        ORIGIN + ":" + registration.eventCode(),
                        "registration:" + registration.eventCode() + ":" + registration.email(),
                        at,
                        refundedBeforeGift == null
                                ? null
                                : registration
                                        .paymentIntentId()
                                        .map(intent -> new RecordingPaidGift.PaidInPart(intent, refundedBeforeGift))
                                        .orElse(null))
                .toString();
    }
}
