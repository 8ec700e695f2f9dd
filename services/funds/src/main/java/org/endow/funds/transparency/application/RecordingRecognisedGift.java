package org.endow.funds.transparency.application;

import jakarta.inject.Singleton;
import java.util.List;
import org.endow.events.EventEnvelope;
import org.endow.events.EventType;
import org.endow.events.donations.v1.DonationEvents;
import org.endow.events.donations.v1.DonationReceived;
import org.endow.funds.transparency.model.RecognisedGift;
import org.endow.funds.transparency.model.RecognisedGifts;
import org.endow.kernel.Money;
import org.endow.platform.messaging.BatchedEventHandler;
import org.endow.platform.messaging.EventHandler;

/**
 * Every received gift is kept for the transparency page's list of recent gifts, shown only while its
 * donor consents and as they asked to be shown; a later change of mind ({@code
 * DonationRecognitionChanged}, same key, so after the receipt) shows or hides it. Applied once per event.
 */
@Singleton
public class RecordingRecognisedGift implements BatchedEventHandler<DonationReceived> {

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
        RecognisedGifts.Received received = received(event);
        gifts.add(received.sourceEventId(), received.donationId(), received.gift());
    }

    @Override
    public void handleAll(List<EventEnvelope<DonationReceived>> events) {
        gifts.addAll(events.stream().map(RecordingRecognisedGift::received).toList());
    }

    private static RecognisedGifts.Received received(EventEnvelope<DonationReceived> event) {
        DonationReceived received = event.payload();
        DonationReceived.Recognition recognition = received.recognition();
        return new RecognisedGifts.Received(
                event.eventId(),
                received.donationId(),
                new RecognisedGift(
                        received.fundCode(),
                        Money.of(received.amountMinor(), received.currency()),
                        recognition == null
                                ? null
                                : RecognisedGift.shownAs(recognition.anonymous(), recognition.displayName()),
                        recognition == null ? null : recognition.dedication(),
                        received.receivedAt()));
    }

    /** The donor's later change of mind about one gift. */
    @Singleton
    public static class Changes implements EventHandler<org.endow.events.donations.v1.DonationRecognitionChanged> {
        private final RecognisedGifts gifts;

        Changes(RecognisedGifts gifts) {
            this.gifts = gifts;
        }

        @Override
        public EventType<org.endow.events.donations.v1.DonationRecognitionChanged> eventType() {
            return DonationEvents.DONATION_RECOGNITION_CHANGED;
        }

        @Override
        public String consumerName() {
            return "funds.recognition";
        }

        @Override
        public void handle(EventEnvelope<org.endow.events.donations.v1.DonationRecognitionChanged> event) {
            DonationReceived.Recognition recognition = event.payload().recognition();
            gifts.recognise(
                    event.payload().donationId(),
                    recognition == null
                            ? null
                            : RecognisedGift.shownAs(recognition.anonymous(), recognition.displayName()),
                    recognition == null ? null : recognition.dedication());
        }
    }
}
