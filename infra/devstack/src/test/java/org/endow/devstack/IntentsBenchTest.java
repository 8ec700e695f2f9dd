package org.endow.devstack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class IntentsBenchTest {

    @Test
    void the_mails_of_the_window_are_counted_per_pledge_by_the_sink() {
        String line = IntentsBench.mailsDelivered(OptionalLong.of(1_000), OptionalLong.of(8_500), 7_500);

        assertTrue(line.contains("7,500, 1.00 per pledge"), line);
    }

    @Test
    void without_the_sink_the_report_says_the_mails_were_not_counted_instead_of_none() {
        String line = IntentsBench.mailsDelivered(OptionalLong.empty(), OptionalLong.empty(), 7_500);

        assertTrue(line.contains("not counted"), line);
        assertTrue(line.contains("ENDOW_MAIL_SMTP_HOST"), line);
    }
}
