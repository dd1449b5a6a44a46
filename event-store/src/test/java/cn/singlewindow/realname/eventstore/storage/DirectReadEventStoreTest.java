package cn.singlewindow.realname.eventstore.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DirectReadEventStoreTest {

    private final AtomicLong eventsRead = new AtomicLong();
    private final AtomicLong reads = new AtomicLong();
    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine() {
        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken after, boolean mayBlock) {
            reads.incrementAndGet();
            return super.readEvents(after, mayBlock).peek(event -> eventsRead.incrementAndGet());
        }
    };
    private final DirectReadEventStore store = new DirectReadEventStore(
            EmbeddedEventStore.builder().storageEngine(storage));
    private final ScheduledExecutorService otherThread = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        otherThread.shutdownNow();
        store.shutDown();
    }

    @Test
    void a_stream_waiting_at_the_head_is_woken_by_a_commit_on_this_node() throws Exception {
        try (TrackingEventStream stream = store.openStream(null)) {
            assertThat(stream.hasNextAvailable()).isFalse();
            otherThread.schedule(() -> store.publish(event("late")), 200, TimeUnit.MILLISECONDS);

            long started = System.nanoTime();
            assertThat(stream.hasNextAvailable(60, TimeUnit.SECONDS)).isTrue();
            // Woken by the commit, not by the wait running out.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("late");
        }
    }

    @Test
    void events_stored_by_another_node_are_found_when_the_wait_runs_out() throws Exception {
        try (TrackingEventStream stream = store.openStream(null)) {
            assertThat(stream.hasNextAvailable(50, TimeUnit.MILLISECONDS)).isFalse();
            // Written to the storage without passing through this node's event store: no commit to wake on.
            storage.appendEvents(event("from another node"));
            assertThat(stream.hasNextAvailable(50, TimeUnit.MILLISECONDS)).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("from another node");
        }
    }

    @Test
    void streams_deliver_in_order_and_resume_after_a_token() throws Exception {
        store.publish(event("a"), event("b"), event("c"));
        List<TrackedEventMessage<?>> all = new ArrayList<>();
        try (TrackingEventStream stream = store.openStream(null)) {
            while (stream.hasNextAvailable()) {
                all.add(stream.nextAvailable());
            }
        }
        assertThat(all.stream().<Object>map(EventMessage::getPayload).toList()).containsExactly("a", "b", "c");

        try (TrackingEventStream resumed = store.openStream(all.get(1).trackingToken())) {
            assertThat(resumed.peek().<Object>map(EventMessage::getPayload)).contains("c");
            assertThat(resumed.nextAvailable().getPayload()).isEqualTo("c");
            assertThat(resumed.hasNextAvailable()).isFalse();
        }
    }

    @Test
    void a_stream_behind_a_backlog_reads_no_further_than_it_delivers() throws Exception {
        store.publish(IntStream.range(0, 1_000).mapToObj(i -> event("backlog " + i)).toList());
        try (TrackingEventStream stream = store.openStream(null)) {
            for (int i = 0; i < 10; i++) {
                assertThat(stream.nextAvailable().getPayload()).isEqualTo("backlog " + i);
            }
        }
        // Peeking one ahead at most: the rest of the backlog stays in the storage.
        assertThat(eventsRead).hasValueLessThanOrEqualTo(11);
    }

    @Test
    void at_the_head_a_stream_looks_again_only_after_a_commit_or_a_wait_that_ran_out() throws Exception {
        try (TrackingEventStream stream = store.openStream(null)) {
            assertThat(stream.hasNextAvailable()).isFalse();
            long readsAtHead = reads.get();
            for (int i = 0; i < 5; i++) {
                assertThat(stream.peek()).isEmpty();
                assertThat(stream.hasNextAvailable()).isFalse();
            }
            assertThat(reads).as("no commit since: nothing to look for").hasValue(readsAtHead);

            store.publish(event("new"));
            assertThat(stream.peek()).isPresent();
            stream.nextAvailable();
            assertThat(stream.hasNextAvailable(20, TimeUnit.MILLISECONDS)).isFalse();
            assertThat(reads).as("once after the commit, once when the wait ran out").hasValue(readsAtHead + 2);
        }
    }

    private static EventMessage<String> event(String payload) {
        return GenericEventMessage.asEventMessage(payload);
    }
}
