package org.endow.donations.fundeditems.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.endow.donations.fundeditems.model.FundedItem;
import org.endow.donations.fundeditems.model.FundedItems;
import org.endow.events.EventEnvelope;
import org.endow.events.EventSamples;
import org.endow.events.funds.v1.FundEvents;
import org.endow.events.funds.v1.FundedItemPublished;
import org.junit.jupiter.api.Test;

/** Consumer side of the contract: the golden FundedItemPublished sample becomes a giftable item. */
class RecordingFundedItemTest {

    final List<FundedItem> saved = new ArrayList<>();
    final FundedItems items = new FundedItems() {
        @Override
        public void save(FundedItem item) {
            saved.add(item);
        }

        @Override
        public Optional<FundedItem> find(String code) {
            return saved.stream().filter(i -> i.code().equals(code)).reduce((a, b) -> b);
        }

        @Override
        public List<FundedItem> all() {
            return List.copyOf(saved);
        }
    };

    @Test
    @SuppressWarnings("unchecked") // the Argument names the payload type
    void the_golden_sample_is_kept_as_an_item_that_takes_gifts() throws Exception {
        EventEnvelope<FundedItemPublished> sample = ObjectMapper.getDefault()
                .readValue(
                        EventSamples.read(FundEvents.FUNDED_ITEM_PUBLISHED),
                        Argument.of(EventEnvelope.class, FundedItemPublished.class));

        new RecordingFundedItem(items).handle(sample);

        FundedItem item = items.find("packaging").orElseThrow();
        assertEquals("Python packaging work", item.title());
        assertEquals(40_000_000, item.targetMinor());
        assertEquals("USD", item.currency());
        assertTrue(item.acceptsGifts());
    }
}
