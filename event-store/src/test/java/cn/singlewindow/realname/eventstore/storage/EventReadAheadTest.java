package cn.singlewindow.realname.eventstore.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;

class EventReadAheadTest {

    private final GlobalSequenceTrackingToken after = new GlobalSequenceTrackingToken(41);

    @Test
    void hands_over_every_event_in_store_order_up_to_the_head() {
        // Two full batches and a part of one, then events stored after the head was taken.
        StreamableMessageSource<TrackedEventMessage<?>> store =
                stored(LongStream.rangeClosed(42, 42 + 1_300).mapToObj(EventReadAheadTest::event));
        List<Long> applied = new ArrayList<>();

        try (EventReadAhead events = new EventReadAhead(store, after, new GlobalSequenceTrackingToken(42 + 1_233))) {
            events.forEach(event -> applied.add((Long) event.getPayload()));
        }

        assertThat(applied).hasSize(1_234).isSorted().startsWith(42L).endsWith(42L + 1_233);
    }

    @Test
    void reads_the_first_event_when_it_is_the_head_and_nothing_from_an_empty_store() {
        StreamableMessageSource<TrackedEventMessage<?>> store = new StreamableMessageSource<>() {
            @Override
            public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken from) {
                assertThat(from).isNull();
                return stream(Stream.<TrackedEventMessage<?>>of(event(0), event(1)).iterator());
            }
        };
        List<Long> applied = new ArrayList<>();
        try (EventReadAhead events = new EventReadAhead(store, null, new GlobalSequenceTrackingToken(0))) {
            events.forEach(event -> applied.add((Long) event.getPayload()));
        }
        assertThat(applied).containsExactly(0L);
        try (EventReadAhead events = new EventReadAhead(store, null, null)) {
            events.forEach(event -> applied.add((Long) event.getPayload()));
        }
        assertThat(applied).containsExactly(0L);
    }

    @Test
    void a_failed_read_fails_the_rebuild_after_the_events_read_before_it() {
        StreamableMessageSource<TrackedEventMessage<?>> store = stored(Stream.concat(
                LongStream.rangeClosed(42, 741).mapToObj(EventReadAheadTest::event),
                Stream.generate(() -> {
                    throw new IllegalStateException("connection lost");
                })));
        List<Long> applied = new ArrayList<>();

        try (EventReadAhead events = new EventReadAhead(store, after, new GlobalSequenceTrackingToken(10_000))) {
            assertThatThrownBy(() -> events.forEach(event -> applied.add((Long) event.getPayload())))
                    .isInstanceOf(IllegalStateException.class).hasMessage("connection lost");
        }
        assertThat(applied).hasSize(700).endsWith(741L);
    }

    @Test
    void the_reader_stops_when_the_rebuild_stops_taking() throws InterruptedException {
        AtomicLong next = new AtomicLong(42);
        StreamableMessageSource<TrackedEventMessage<?>> store =
                stored(Stream.generate(() -> event(next.getAndIncrement())));

        try (EventReadAhead events = new EventReadAhead(store, after, new GlobalSequenceTrackingToken(Long.MAX_VALUE))) {
            assertThatThrownBy(() -> events.forEach(event -> {
                throw new IllegalArgumentException("a projection failed");
            })).hasMessage("a projection failed");
        }

        Thread reader = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("projection-rebuild-reader")).findFirst().orElse(null);
        if (reader != null) {
            reader.join(10_000);
            assertThat(reader.isAlive()).as("reader still running").isFalse();
        }
        // It read a few batches ahead, not the endless store.
        assertThat(next.get()).isLessThan(42 + 10_000);
    }

    /** A store whose stream after {@link #after} is the given events, each available at once. */
    private StreamableMessageSource<TrackedEventMessage<?>> stored(Stream<TrackedEventMessage<?>> events) {
        return new StreamableMessageSource<>() {
            @Override
            public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken from) {
                assertThat(from).isEqualTo(after);
                return stream(events.iterator());
            }
        };
    }

    private static BlockingStream<TrackedEventMessage<?>> stream(Iterator<TrackedEventMessage<?>> iterator) {
        return new BlockingStream<>() {
            @Override
            public Optional<TrackedEventMessage<?>> peek() {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean hasNextAvailable(int timeout, TimeUnit unit) {
                return iterator.hasNext();
            }

            @Override
            public TrackedEventMessage<?> nextAvailable() {
                return iterator.next();
            }

            @Override
            public void close() {
            }
        };
    }

    private static TrackedEventMessage<?> event(long index) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(index),
                GenericEventMessage.asEventMessage(index));
    }
}
