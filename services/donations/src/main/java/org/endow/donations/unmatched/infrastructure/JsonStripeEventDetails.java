package org.endow.donations.unmatched.infrastructure;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.endow.donations.unmatched.application.StripeEventDetails;

/** Reads a verified Stripe event's {@code created} and, for a dispute, its charge and reason. */
@Singleton
class JsonStripeEventDetails implements StripeEventDetails {

    private final JsonMapper json;

    JsonStripeEventDetails(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Details of(String rawBody) {
        JsonNode event;
        try {
            event = json.readValue(rawBody, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            return new Details(Optional.empty(), Optional.empty(), Optional.empty());
        }
        JsonNode created = event == null ? null : event.get("created");
        Optional<Instant> at = created != null && created.isNumber() && created.getLongValue() > 0
                ? Optional.of(Instant.ofEpochSecond(created.getLongValue()))
                : Optional.empty();
        JsonNode data = event == null ? null : event.get("data");
        JsonNode object = data == null ? null : data.get("object");
        return new Details(at, text(object, "charge"), text(object, "reason"));
    }

    private static Optional<String> text(JsonNode object, String field) {
        JsonNode value = object == null || !object.isObject() ? null : object.get(field);
        return value != null && value.isString() && !value.getStringValue().isBlank()
                ? Optional.of(value.getStringValue())
                : Optional.empty();
    }
}
