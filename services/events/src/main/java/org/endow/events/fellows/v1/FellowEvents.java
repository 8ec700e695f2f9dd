package org.endow.events.fellows.v1;

import org.endow.events.EventType;
import org.endow.events.Topics;

/** The fellows context's integration events, version 1. */
public final class FellowEvents {

    public static final EventType<FellowElected> FELLOW_ELECTED =
            new EventType<>("fellows.FellowElected", 1, Topics.FELLOWS_V1, FellowElected.class);

    private FellowEvents() {}
}
