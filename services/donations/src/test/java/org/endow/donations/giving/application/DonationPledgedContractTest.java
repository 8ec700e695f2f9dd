package org.endow.donations.giving.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.endow.donations.giving.model.DonationEvent;
import org.endow.donations.giving.model.DonationId;
import org.endow.donations.giving.model.DonorContact;
import org.endow.donations.giving.model.DonorId;
import org.endow.donations.giving.model.Frequency;
import org.endow.donations.giving.model.GiftOptions;
import org.endow.donations.giving.model.PaymentMethod;
import org.endow.donations.giving.model.Recognition;
import org.endow.events.EventSamples;
import org.endow.events.donations.v1.DonationEvents;
import org.endow.kernel.Money;
import org.junit.jupiter.api.Test;

/** Producer side of the contract: what donations writes is exactly the golden sample's payload. */
class DonationPledgedContractTest {

    @Test
    void the_received_payload_matches_its_golden_sample() throws Exception {
        try (ObjectMapper.CloseableObjectMapper json = ObjectMapper.create(Map.of(), "org.endow.events")) {
            JsonNode sample = json.readValue(EventSamples.read(DonationEvents.DONATION_RECEIVED), JsonNode.class);
            JsonNode expected = sample.get("payload");
            JsonNode recognition = expected.get("recognition");
            var donation = new org.endow.donations.giving.model.Donation(
                    new DonationId(UUID.fromString(expected.get("donationId").getStringValue())),
                    new DonorId(expected.get("donorId").getStringValue()),
                    new GiftOptions(
                            new DonorContact("Ada Lovelace", "ada@example.org"),
                            Frequency.ONE_TIME,
                            recognition.get("dedication").getStringValue(),
                            new Recognition(
                                    true,
                                    recognition.get("anonymous").getBooleanValue(),
                                    recognition.get("displayName").getStringValue())),
                    Money.of(
                            expected.get("amountMinor").getLongValue(),
                            expected.get("currency").getStringValue()),
                    expected.get("fundCode").getStringValue(),
                    PaymentMethod.valueOf(expected.get("method").getStringValue()),
                    org.endow.donations.giving.model.DonationStatus.PLEDGED,
                    Instant.parse("2026-11-20T14:05:00Z"),
                    null,
                    null);
            var received = donation.receive(
                    Instant.parse(expected.get("receivedAt").getStringValue()),
                    expected.get("reference").getStringValue());

            String written = json.writeValueAsString(DonationIntegrationEvents.toContract(received));

            assertEquals(expected, json.readValue(written, JsonNode.class));
        }
    }

    @Test
    void the_published_payload_matches_the_golden_sample() throws Exception {
        try (ObjectMapper.CloseableObjectMapper json = ObjectMapper.create(Map.of(), "org.endow.events")) {
            JsonNode sample = json.readValue(EventSamples.read(DonationEvents.DONATION_PLEDGED), JsonNode.class);
            JsonNode expected = sample.get("payload");

            var domainEvent = new DonationEvent.DonationPledged(
                    new DonationId(UUID.fromString(expected.get("donationId").getStringValue())),
                    new DonorId(expected.get("donorId").getStringValue()),
                    GiftOptions.oneTime(new DonorContact("Ada Lovelace", "ada@example.org")),
                    Money.of(
                            expected.get("amountMinor").getLongValue(),
                            expected.get("currency").getStringValue()),
                    expected.get("fundCode").getStringValue(),
                    PaymentMethod.valueOf(expected.get("method").getStringValue()),
                    Instant.parse(expected.get("pledgedAt").getStringValue()));
            String written = json.writeValueAsString(DonationIntegrationEvents.toContract(domainEvent));

            assertEquals(expected, json.readValue(written, JsonNode.class));
            assertEquals(
                    DonationEvents.DONATION_PLEDGED.name(), sample.get("type").getStringValue());
        }
    }
}
