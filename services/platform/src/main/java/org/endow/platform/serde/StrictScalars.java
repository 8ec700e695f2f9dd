package org.endow.platform.serde;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Scalars are read strictly: a whole number is a JSON integer and text is a JSON string, nothing else. Micronaut Serde
 * would otherwise turn {@code true} into 1, {@code "12"} into 12 and {@code 123} into "123" — for money in minor units
 * and for codes a client's mistake must be an error naming the field. Applies to every {@code Long}/{@code long},
 * {@code Integer}/{@code int} and {@code String} read by Serde (requests and events alike).
 */
final class StrictScalars {

    private StrictScalars() {}

    /**
     * A form post reaches Serde with each field as a list of its values: a one-element list holding text is read as
     * that text (for a number: the number it spells). JSON bodies send scalars, which are held to the strict rules.
     */
    static Object formValue(Object value) {
        if (value instanceof java.util.List<?> list && list.size() == 1 && list.getFirst() instanceof String text) {
            return new FormText(text);
        }
        return value;
    }

    /** A form field's single value. */
    record FormText(String text) {}

    static BigInteger wholeNumber(Decoder decoder) throws IOException {
        Object value = formValue(decoder.decodeArbitrary());
        if (value instanceof FormText form) {
            try {
                return new BigInteger(form.text().strip());
            } catch (NumberFormatException e) {
                throw decoder.createDeserializationException("must be a whole number", form.text());
            }
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigInteger.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return big;
        }
        if (value instanceof BigDecimal decimal && decimal.stripTrailingZeros().scale() <= 0) {
            return decimal.toBigIntegerExact();
        }
        throw decoder.createDeserializationException("must be a whole number, not " + describe(value), value);
    }

    /** {@code number} when it fits a signed integer of {@code bits} + 1 bits. */
    static BigInteger inRange(Decoder decoder, BigInteger number, int bits) throws IOException {
        if (number.bitLength() > bits) {
            throw decoder.createDeserializationException("is out of range", number);
        }
        return number;
    }

    private static String describe(Object value) {
        if (value instanceof String) {
            return "text";
        }
        if (value instanceof Boolean) {
            return "true/false";
        }
        if (value instanceof Number) {
            return "a fraction";
        }
        return value == null ? "null" : "a list or object";
    }

    @Singleton
    static final class Longs implements Deserializer<Long> {
        @Override
        public Long deserialize(Decoder decoder, DecoderContext context, Argument<? super Long> type)
                throws IOException {
            return inRange(decoder, wholeNumber(decoder), 63).longValue();
        }

        @Override
        public Long deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super Long> type)
                throws IOException {
            return decoder.decodeNull() ? null : deserialize(decoder, context, type);
        }
    }

    @Singleton
    static final class Integers implements Deserializer<Integer> {
        @Override
        public Integer deserialize(Decoder decoder, DecoderContext context, Argument<? super Integer> type)
                throws IOException {
            return inRange(decoder, wholeNumber(decoder), 31).intValue();
        }

        @Override
        public Integer deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super Integer> type)
                throws IOException {
            return decoder.decodeNull() ? null : deserialize(decoder, context, type);
        }
    }

    @Singleton
    static final class Strings implements Deserializer<String> {
        @Override
        public String deserialize(Decoder decoder, DecoderContext context, Argument<? super String> type)
                throws IOException {
            Object value = formValue(decoder.decodeArbitrary());
            if (value instanceof FormText form) {
                return form.text();
            }
            if (value instanceof String text) {
                return text;
            }
            throw decoder.createDeserializationException("must be text, not " + describe(value), value);
        }

        @Override
        public String deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super String> type)
                throws IOException {
            return decoder.decodeNull() ? null : deserialize(decoder, context, type);
        }
    }
}
