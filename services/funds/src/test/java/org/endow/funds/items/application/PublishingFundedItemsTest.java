package org.endow.funds.items.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.endow.events.EventSamples;
import org.endow.events.funds.v1.FundEvents;
import org.endow.funds.items.model.FundedItem;
import org.endow.funds.items.model.FundedItems;
import org.endow.kernel.Money;
import org.endow.platform.testing.RecordingOutbox;
import org.junit.jupiter.api.Test;

/** Producer side of the contract: a changed item is published exactly as the golden sample says. */
class PublishingFundedItemsTest {

    final FundedItem packaging = new FundedItem(
            "packaging",
            "Python packaging work",
            "Paid work on pip, PyPI and the packaging tools.",
            FundedItem.Kind.PROJECT,
            Money.of(40_000_000, "USD"),
            FundedItem.Status.OPEN);
    final List<String> published = new ArrayList<>();
    final FundedItems items = new FundedItems() {
        @Override
        public Optional<FundedItem> find(String code) {
            return Optional.of(packaging);
        }

        @Override
        public Optional<FundedItem> lock(String code) {
            return find(code);
        }

        @Override
        public List<FundedItem> all() {
            return List.of(packaging);
        }

        @Override
        public boolean add(FundedItem item) {
            return false;
        }

        @Override
        public void update(FundedItem item) {}

        @Override
        public List<FundedItem> unpublished() {
            return published.contains(packaging.code()) ? List.of() : List.of(packaging);
        }

        @Override
        public void markPublished(String code) {
            published.add(code);
        }
    };

    @Test
    void a_changed_item_is_published_once_with_the_samples_payload() throws Exception {
        RecordingOutbox outbox = new RecordingOutbox();
        PublishingFundedItems publishing = new PublishingFundedItems(items, outbox);

        assertEquals(1, publishing.publishChanges());
        assertEquals(0, publishing.publishChanges());

        ObjectMapper json = ObjectMapper.getDefault();
        JsonNode expected = json.readValue(EventSamples.read(FundEvents.FUNDED_ITEM_PUBLISHED), JsonNode.class)
                .get("payload");
        var payload = outbox.payloads(FundEvents.FUNDED_ITEM_PUBLISHED).getFirst();
        assertEquals(expected, json.readValue(json.writeValueAsString(payload), JsonNode.class));
        assertEquals("packaging", outbox.recorded().getFirst().aggregateId());
    }
}
