package org.endow.gateway.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.core.type.Argument;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.endow.gateway.routing.RouteProperties;
import org.junit.jupiter.api.Test;

/** The lanes as the gateway's application.yml configures them: which requests share which bound. */
class ConfiguredLanesTest {

    @Test
    void both_stripe_webhooks_have_their_lane_and_every_password_check_is_bounded() {
        AdmissionFilter filter;
        try (ApplicationContext context =
                ApplicationContext.builder().deduceEnvironment(false).build()) {
            Environment environment = context.getEnvironment();
            environment.start();
            List<AdmissionProperties> lanes = new ArrayList<>();
            for (String name : environment.getPropertyEntries("endow.gateway.admission")) {
                String prefix = "endow.gateway.admission." + name + ".";
                lanes.add(new AdmissionProperties(
                        name,
                        environment
                                .getProperty(prefix + "paths", Argument.listOf(String.class))
                                .orElseThrow(),
                        environment.getRequiredProperty(prefix + "concurrency", Integer.class),
                        environment
                                .getProperty(prefix + "scope", AdmissionProperties.Scope.class)
                                .orElse(AdmissionProperties.Scope.LANE),
                        Duration.ofMillis(150)));
            }
            filter = new AdmissionFilter(
                    lanes,
                    List.of(new RouteProperties(
                            "sponsors",
                            URI.create("http://127.0.0.1:1"),
                            Duration.ofSeconds(1),
                            Duration.ofSeconds(1))));
        }

        assertEquals("webhooks", filter.laneOf("/api/donations/stripe/webhook").name());
        assertEquals(
                "webhooks",
                filter.laneOf("/api/sponsors/stripe/webhook").name(),
                "a sponsor's card payment must not wait behind the sponsors API");
        assertEquals("api", filter.laneOf("/api/sponsors/sponsorships").name());
        for (String password :
                List.of("/signin", "/signup", "/api/auth/token", "/api/auth/signup", "/password/reset")) {
            assertEquals("passwords", filter.laneOf(password).name(), password);
        }
        assertEquals("pages", filter.laneOf("/password/forgot").name());
    }
}
