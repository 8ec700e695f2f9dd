package org.endow.funds.transparency.application;

import jakarta.inject.Singleton;
import org.endow.events.EventEnvelope;
import org.endow.events.EventType;
import org.endow.events.donations.v1.DonationEvents;
import org.endow.events.donations.v1.DonationReceived;
import org.endow.funds.transparency.model.RecognisedGift;
import org.endow.funds.transparency.model.RecognisedGifts;
import org.endow.kernel.Money;
import org.endow.platform.messaging.EventHandler;

/**
 * A received gift whose donor consented to public recognition joins the transparency page's list of
 * recent gifts, as the donor asked to be shown. Gifts without consent carry no recognition and are
 * not listed. Applied once per event.
 */
@Singleton
public class RecordingRecognisedGift implements EventHandler<DonationReceived> {

    private final RecognisedGifts gifts;

    RecordingRecognisedGift(RecognisedGifts gifts) {
        this.gifts = gifts;
    }

    @Override
    public EventType<DonationReceived> eventType() {
        return DonationEvents.DONATION_RECEIVED;
    }

    @Override
    public String consumerName() {
        return "funds.recognition";
    }

    @Override
    public void handle(EventEnvelope<DonationReceived> event) {
        DonationReceived received = event.payload();
        DonationReceived.Recognition recognition = received.recognition();
        if (recognition == null) {
            return;
        }
        gifts.add(
                event.eventId(),
                new RecognisedGift(
                        received.fundCode(),
                        Money.of(received.amountMinor(), received.currency()),
                        RecognisedGift.shownAs(recognition.anonymous(), recognition.displayName()),
                        recognition.dedication(),
                        received.receivedAt()));
    }
}
