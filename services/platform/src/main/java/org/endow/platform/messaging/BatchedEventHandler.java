package org.endow.platform.messaging;

import java.util.List;
import org.endow.events.EventEnvelope;

/**
 * An {@link EventHandler} that can apply several events of its type in one go, e.g. with one statement for all of them
 * instead of one per event. Where the consumer applies polled events in batches ({@code
 * endow.messaging.consumer-batch-size} > 1), a run of consecutive events of one type is handed over whole, in order,
 * inside the batch's transaction, after their inbox rows were recorded: only events this handler has not applied yet
 * are in the list. Events applied one by one (a batch that failed, or batch size 1) still go through {@link #handle}.
 *
 * <p>Within such a run, each handler of the type sees the whole run before the next handler does, so handlers of one
 * event type must not depend on each other's effects. Events the handler publishes from {@link #handleAll} carry the
 * correlation id of the run's first event.
 */
public interface BatchedEventHandler<T> extends EventHandler<T> {

    /** Applies these events, in order, inside the caller's transaction; the same effect as {@link #handle} on each. */
    void handleAll(List<EventEnvelope<T>> events);
}
