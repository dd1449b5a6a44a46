package cn.singlewindow.realname.eventstore.storage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * Reads the events after a position, up to a given head, on a thread of its own, deserialized, a few batches ahead of
 * the one that applies them (a projection rebuild, an audit checkpoint): reading and deserializing was a third of the
 * rebuild thread's time, and the machine has a second core. Events are handed over in store order.
 */
public final class EventReadAhead implements AutoCloseable {

    private static final int BATCH = 500;
    private static final List<TrackedEventMessage<?>> END = List.of();

    private final BlockingQueue<List<TrackedEventMessage<?>>> batches = new ArrayBlockingQueue<>(4);
    private final Thread reader;
    private volatile RuntimeException failure;
    private volatile boolean closed;

    /** The longest the store may leave a reader waiting before the head it announced. */
    static final Duration STALL_LIMIT = Duration.ofSeconds(60);

    /** Reads the events after {@code after} (null: from the first) up to {@code head} (null: none are stored). */
    public EventReadAhead(StreamableMessageSource<TrackedEventMessage<?>> source, TrackingToken after,
                          TrackingToken head) {
        reader = new Thread(() -> read(source, after, head), "projection-rebuild-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Applies every event, in order, on the calling thread; rethrows what stopped the reader. */
    public void forEach(Consumer<TrackedEventMessage<?>> action) {
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

    private void read(StreamableMessageSource<TrackedEventMessage<?>> source, TrackingToken after,
                      TrackingToken head) {
        List<TrackedEventMessage<?>> batch = new ArrayList<>(BATCH);
        long end = position(head);
        boolean more = head != null && (after == null || position(after) < end);
        try (BlockingStream<TrackedEventMessage<?>> events = more ? source.openStream(after) : null) {
            while (more && !closed) {
                if (!events.hasNextAvailable((int) STALL_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("the event store sent nothing for " + STALL_LIMIT.toSeconds()
                            + " s before its head, position " + end);
                }
                TrackedEventMessage<?> event = events.nextAvailable();
                more = position(event.trackingToken()) < end;
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
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            failure = new IllegalStateException("interrupted while reading events", interrupted);
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

    /** How many events precede the token's position on any engine's global sequence; 0 before the first. */
    public static long position(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }

    /** Stops the reader if the rebuild ended before the events did (it failed). */
    @Override
    public void close() {
        closed = true;
    }
}
