package cn.singlewindow.realname.api.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;

class EventReadAheadTest {

    private final EventStorageEngine storage = mock(EventStorageEngine.class);
    private final GlobalSequenceTrackingToken after = new GlobalSequenceTrackingToken(41);

    @Test
    void hands_over_every_event_in_store_order() {
        // Two full batches and a part of one.
        givenStored(LongStream.rangeClosed(42, 42 + 1_233).mapToObj(EventReadAheadTest::event));
        List<Long> applied = new ArrayList<>();

        try (EventReadAhead events = new EventReadAhead(storage, after)) {
            events.forEach(event -> applied.add((Long) event.getPayload()));
        }

        assertThat(applied).hasSize(1_234).isSorted().startsWith(42L).endsWith(42L + 1_233);
    }

    @Test
    void a_failed_read_fails_the_rebuild_after_the_events_read_before_it() {
        givenStored(Stream.concat(LongStream.rangeClosed(42, 741).mapToObj(EventReadAheadTest::event),
                Stream.generate(() -> {
                    throw new IllegalStateException("connection lost");
                })));
        List<Long> applied = new ArrayList<>();

        try (EventReadAhead events = new EventReadAhead(storage, after)) {
            assertThatThrownBy(() -> events.forEach(event -> applied.add((Long) event.getPayload())))
                    .isInstanceOf(IllegalStateException.class).hasMessage("connection lost");
        }
        assertThat(applied).hasSize(700).endsWith(741L);
    }

    @Test
    void the_reader_stops_when_the_rebuild_stops_taking() throws InterruptedException {
        AtomicLong next = new AtomicLong(42);
        givenStored(Stream.generate(() -> event(next.getAndIncrement())));

        try (EventReadAhead events = new EventReadAhead(storage, after)) {
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

    private void givenStored(Stream<TrackedEventMessage<?>> events) {
        when(storage.readEvents(eq(after), eq(false))).thenAnswer(invocation -> events);
    }

    private static TrackedEventMessage<?> event(long index) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(index),
                GenericEventMessage.asEventMessage(index));
    }
}
