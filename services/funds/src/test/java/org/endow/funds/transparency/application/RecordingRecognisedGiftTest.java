package org.endow.funds.transparency.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.endow.events.EventEnvelope;
import org.endow.events.EventSamples;
import org.endow.events.donations.v1.DonationEvents;
import org.endow.events.donations.v1.DonationReceived;
import org.endow.funds.transparency.model.RecognisedGift;
import org.endow.funds.transparency.model.RecognisedGifts;
import org.junit.jupiter.api.Test;

/** Consumer side of DonationReceived's recognition: the golden sample is listed as the donor asked, once. */
class RecordingRecognisedGiftTest {

    final Map<UUID, RecognisedGift> stored = new LinkedHashMap<>();
    final Map<String, UUID> byDonation = new LinkedHashMap<>();
    final RecordingRecognisedGift recording = new RecordingRecognisedGift(new RecognisedGifts() {
        @Override
        public boolean add(UUID sourceEventId, String donationId, RecognisedGift gift) {
            byDonation.put(donationId, sourceEventId);
            return stored.putIfAbsent(sourceEventId, gift) == null;
        }

        @Override
        public void recognise(String donationId, String shownAs, String dedication) {
            UUID key = byDonation.get(donationId);
            RecognisedGift g = stored.get(key);
            stored.put(key, new RecognisedGift(g.fundCode(), g.amount(), shownAs, dedication, g.receivedAt()));
        }

        @Override
        public List<RecognisedGift> latest(int limit) {
            return new ArrayList<>(stored.values());
        }
    });

    @Test
    void a_consenting_donor_is_listed_as_they_asked_and_once() throws Exception {
        @SuppressWarnings("unchecked") // Argument.of(EventEnvelope.class, DonationReceived.class) fixes T
        EventEnvelope<DonationReceived> sample = ObjectMapper.getDefault()
                .readValue(
                        EventSamples.read(DonationEvents.DONATION_RECEIVED),
                        Argument.of(EventEnvelope.class, DonationReceived.class));

        recording.handle(sample);
        recording.handle(sample);

        assertEquals(1, stored.size());
        RecognisedGift gift = stored.values().iterator().next();
        assertEquals("The Lovelace Family", gift.shownAs());
        assertEquals("In honour of Grace Hopper", gift.dedication());
        assertEquals(250_000, gift.amount().minor());
        // the donor withdraws consent, then gives it again as Anonymous: the golden sample of the change
        @SuppressWarnings("unchecked") // Argument.of(EventEnvelope.class, DonationRecognitionChanged.class) fixes T
        EventEnvelope<org.endow.events.donations.v1.DonationRecognitionChanged> change = ObjectMapper.getDefault()
                .readValue(
                        EventSamples.read(DonationEvents.DONATION_RECOGNITION_CHANGED),
                        Argument.of(
                                EventEnvelope.class, org.endow.events.donations.v1.DonationRecognitionChanged.class));
        var changes = new RecordingRecognisedGift.Changes(new RecognisedGifts() {
            @Override
            public boolean add(UUID sourceEventId, String donationId, RecognisedGift gift) {
                return false;
            }

            @Override
            public void recognise(String donationId, String shownAs, String dedication) {
                UUID key = byDonation.get(donationId);
                RecognisedGift g = stored.get(key);
                stored.put(key, new RecognisedGift(g.fundCode(), g.amount(), shownAs, dedication, g.receivedAt()));
            }

            @Override
            public List<RecognisedGift> latest(int limit) {
                return List.of();
            }
        });
        changes.handle(new EventEnvelope<>(
                UUID.randomUUID(),
                change.type(),
                change.version(),
                change.occurredAt(),
                change.aggregateId(),
                null,
                new org.endow.events.donations.v1.DonationRecognitionChanged(
                        change.payload().donationId(), null, change.payload().changedAt())));
        assertEquals(null, stored.values().iterator().next().shownAs(), "withdrawn: hidden");
        changes.handle(change);
        assertEquals("The Lovelace Family", stored.values().iterator().next().shownAs(), "given again: shown");
        assertEquals("Anonymous", RecognisedGift.shownAs(true, "Ada"));
        assertEquals("A donor", RecognisedGift.shownAs(false, " "));
    }
}
