package org.endow.events;

import java.util.Map;

/**
 * Every Kafka topic Endow uses, by bounded context and contract version. Never derive a topic
 * from a class name: a rename must not reroute events. A breaking change gets a {@code .v2} topic
 * beside {@code .v1}.
 */
public final class Topics {

    public static final String DONATIONS_V1 = "endow.donations.v1";
    public static final String FUNDS_V1 = "endow.funds.v1";
    public static final String GRANTS_V1 = "endow.grants.v1";
    public static final String SPONSORSHIPS_V1 = "endow.sponsorships.v1";
    public static final String FELLOWS_V1 = "endow.fellows.v1";

    /** Suffix of the dead-letter topic that receives what a consumer could not process. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    /** Partition counts: events of one aggregate share a key, so they stay in order. */
    public static final Map<String, Integer> PARTITIONS =
            Map.of(DONATIONS_V1, 6, FUNDS_V1, 3, GRANTS_V1, 3, SPONSORSHIPS_V1, 3, FELLOWS_V1, 1);

    private Topics() {}

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    public static int partitionsOf(String topic) {
        return PARTITIONS.getOrDefault(topic, 1);
    }
}
