package cn.singlewindow.realname.api.replay;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * Reads the events after a position on a thread of its own, deserialized, a few batches ahead of the rebuild that
 * applies them: reading and deserializing was a third of the rebuild thread's time, and the machine has a second
 * core. Events are handed over in store order.
 */
final class EventReadAhead implements AutoCloseable {

    private static final int BATCH = 500;
    private static final List<TrackedEventMessage<?>> END = List.of();

    private final BlockingQueue<List<TrackedEventMessage<?>>> batches = new ArrayBlockingQueue<>(4);
    private final Thread reader;
    private volatile RuntimeException failure;
    private volatile boolean closed;

    EventReadAhead(EventStorageEngine storage, TrackingToken after) {
        reader = new Thread(() -> read(storage, after), "projection-rebuild-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Applies every event, in order, on the calling thread; rethrows what stopped the reader. */
    void forEach(Consumer<TrackedEventMessage<?>> action) {
        try {
            for (List<TrackedEventMessage<?>> batch = batches.take(); batch != END; batch = batches.take()) {
                batch.forEach(action);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading events", interrupted);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void read(EventStorageEngine storage, TrackingToken after) {
        List<TrackedEventMessage<?>> batch = new ArrayList<>(BATCH);
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(after, false)) {
            for (Iterator<? extends TrackedEventMessage<?>> it = events.iterator(); it.hasNext(); ) {
                TrackedEventMessage<?> event = it.next();
                deserialize(event);
                batch.add(event);
                if (batch.size() == BATCH) {
                    if (!hand(batch)) {
                        return;
                    }
                    batch = new ArrayList<>(BATCH);
                }
            }
        } catch (RuntimeException readFailed) {
            failure = readFailed;
        }
        // The events read before a failure are applied before it is reported, as when the rebuild read them itself.
        if (batch.isEmpty() || hand(batch)) {
            hand(END);
        }
    }

    /** Waits for room; false once the rebuild has stopped taking. */
    private boolean hand(List<TrackedEventMessage<?>> batch) {
        try {
            while (!closed) {
                if (batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /**
     * Done here to spare the applying thread; a payload that cannot be read fails there, as it always did. Not the
     * metadata: no projection reads it (deserializing it was 28% of this thread).
     */
    private static void deserialize(TrackedEventMessage<?> event) {
        try {
            event.getPayload();
        } catch (RuntimeException unreadable) {
            // The handler asking for it reports it with the event's identifier.
        }
    }

    /** Stops the reader if the rebuild ended before the events did (it failed). */
    @Override
    public void close() {
        closed = true;
    }
}
