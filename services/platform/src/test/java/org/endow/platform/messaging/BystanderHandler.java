package org.endow.platform.messaging;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

/**
 * Test handler: a second consumer of the pledges beside {@link RecordingHandler} (as another service's would be), which
 * applies every pledge, the recorder's failing ones too, writing one row per application to its own table.
 */
@Singleton
@Requires(property = "test.bystander-handler", value = "true")
class BystanderHandler extends PledgeEffectHandler {

    static final String CONSUMER = "platform-test.bystander";

    BystanderHandler(JdbcOperations jdbc) {
        super(jdbc, CONSUMER, "test_bystander_effect");
    }
}
