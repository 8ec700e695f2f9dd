package org.endow.platform.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StrictScalarsTest {

    @Serdeable
    record Gift(
            @Nullable Long amountMinor,
            long fee,
            int count,
            @Nullable Integer limit,
            @Nullable String code) {}

    static ObjectMapper.CloseableObjectMapper json;

    @BeforeAll
    static void start() {
        json = ObjectMapper.create(Map.of(), "org.endow.platform.serde");
    }

    @AfterAll
    static void stop() throws Exception {
        json.close();
    }

    private static Gift read(String text) throws IOException {
        return json.readValue(text, Gift.class);
    }

    @Test
    void json_integers_are_read() throws IOException {
        Gift gift = read("{\"amountMinor\":9223372036854775807,\"fee\":-3,\"count\":2,\"limit\":null}");

        assertEquals(Long.MAX_VALUE, gift.amountMinor());
        assertEquals(-3, gift.fee());
        assertEquals(2, gift.count());
        assertNull(gift.limit());
    }

    @Test
    void booleans_text_fractions_and_overflow_are_not_whole_numbers() {
        for (String amount : new String[] {"true", "\"12\"", "12.5", "1e400", "9223372036854775808", "[]", "{}"}) {
            IOException refused = assertThrows(
                    IOException.class, () -> read("{\"amountMinor\":" + amount + ",\"fee\":1,\"count\":1}"), amount);
            assertTrue(
                    refused.getMessage().contains("whole number")
                            || refused.getMessage().contains("out of range"),
                    amount + ": " + refused.getMessage());
        }
        assertThrows(IOException.class, () -> read("{\"fee\":true,\"count\":1}"));
        assertThrows(IOException.class, () -> read("{\"fee\":1,\"count\":2147483648}"));
    }

    @Test
    void a_form_field_arrives_as_a_one_element_list_of_text_and_is_read_as_its_value() throws IOException {
        Gift gift = read("{\"amountMinor\":[\"125\"],\"fee\":[\"1\"],\"count\":1,\"code\":[\"packaging\"]}");

        assertEquals(125L, gift.amountMinor());
        assertEquals("packaging", gift.code());
        assertThrows(IOException.class, () -> read("{\"amountMinor\":[\"12.5\"],\"fee\":1,\"count\":1}"));
        assertThrows(IOException.class, () -> read("{\"fee\":1,\"count\":1,\"code\":[\"a\",\"b\"]}"));
    }

    @Test
    void text_is_a_json_string_and_nothing_else() throws IOException {
        assertEquals(
                "packaging",
                read("{\"fee\":1,\"count\":1,\"code\":\"packaging\"}").code());
        assertNull(read("{\"fee\":1,\"count\":1,\"code\":null}").code());
        for (String code : new String[] {"123", "true", "[]", "{}"}) {
            IOException refused =
                    assertThrows(IOException.class, () -> read("{\"fee\":1,\"count\":1,\"code\":" + code + "}"), code);
            assertTrue(refused.getMessage().contains("must be text"), code + ": " + refused.getMessage());
        }
    }
}
