package org.endow.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.micronaut.serde.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void a_problem_about_input_reads_as_each_field_with_its_message() {
        Problem problem = new Problem(
                "about:blank",
                "Invalid request",
                400,
                "2 fields are invalid",
                "/api/grants/proposals",
                List.of(
                        new Problem.FieldError("title", "must not be blank"),
                        new Problem.FieldError("amountMinor", "must be at least 1")));

        assertEquals("title: must not be blank; amountMinor: must be at least 1", problem.summary());
    }

    @Test
    void any_other_problem_reads_as_its_detail_or_else_its_title() {
        assertEquals(
                "No sponsorship 42",
                new Problem("about:blank", "Not Found", 404, "No sponsorship 42", null, null).summary());
        assertEquals("Not Found", new Problem("about:blank", "Not Found", 404, null, null, null).summary());
    }

    @Test
    void the_summary_is_not_part_of_the_problem_json() throws Exception {
        try (ObjectMapper.CloseableObjectMapper json = ObjectMapper.create(Map.of(), "org.endow.platform.problem")) {
            String written = json.writeValueAsString(
                    new Problem("about:blank", "Not Found", 404, "No sponsorship 42", "/x", null));

            assertFalse(written.contains("summary"), written);
            assertEquals(
                    "No sponsorship 42", json.readValue(written, Problem.class).summary());
        }
    }
}
