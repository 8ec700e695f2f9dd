package org.endow.funds.transparency.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import java.util.List;
import org.endow.funds.transparency.application.PublishingTransparency.Raised;
import org.endow.funds.transparency.application.PublishingTransparency.Transparency;
import org.endow.kernel.Money;
import org.junit.jupiter.api.Test;

/** The public JSON says the currency of each total. */
class TransparencyResponseTest {

    @Test
    void each_total_names_its_currency() throws Exception {
        Transparency t = new Transparency(
                List.of(),
                List.of(),
                List.of(
                        new Raised(Money.of(80_000, "EUR"), Money.zero("EUR")),
                        new Raised(Money.of(123_400, "USD"), Money.of(50_000, "USD"))),
                List.of());

        JsonNode json = ObjectMapper.getDefault()
                .readValue(
                        ObjectMapper.getDefault().writeValueAsString(TransparencyController.TransparencyResponse.of(t)),
                        JsonNode.class);

        JsonNode totals = json.get("totals");
        assertEquals(2, totals.size());
        assertEquals("EUR", totals.get(0).get("currency").getStringValue());
        assertEquals(80_000, totals.get(0).get("restrictedMinor").getLongValue());
        assertEquals(0, totals.get(0).get("unrestrictedMinor").getLongValue());
        assertEquals("USD", totals.get(1).get("currency").getStringValue());
        assertEquals(123_400, totals.get(1).get("restrictedMinor").getLongValue());
        assertEquals(50_000, totals.get(1).get("unrestrictedMinor").getLongValue());
        assertEquals(null, json.get("restrictedMinor"), "no figure without its currency");
    }
}
