package cn.singlewindow.realname.api.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

/** Reading the store in slices must not cost a processor any event, nor change their order. */
class SlicedTailReadsTest {

    private final InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
    private final SlicedTailReads sliced = new SlicedTailReads(engine, 10);

    @Test
    void only_a_read_that_may_block_is_cut_into_slices() {
        engine.appendEvents(events(0, 35));
        assertThat(sliced.readEvents(null, true)).hasSize(10);
        assertThat(sliced.readEvents(null, false)).hasSize(35);
        assertThat(sliced.readEvents("enterprise-1").asStream()).hasSize(35);
    }

    @Test
    void a_processor_tailing_the_store_gets_every_event_of_a_backlog_in_order() throws Exception {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(sliced).build();
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            // Nothing stored yet: the stream now tails the store's shared reader, which reads in slices.
            assertThat(stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)).isFalse();
            store.publish(events(0, 35));
            List<Object> received = take(stream, 35);
            store.publish(events(35, 5));
            received.addAll(take(stream, 5));
            assertThat(received).containsExactlyElementsOf(IntStream.range(0, 40).boxed().map(i -> "event " + i)
                    .toList());
        } finally {
            store.shutDown();
        }
    }

    private static List<Object> take(BlockingStream<TrackedEventMessage<?>> stream, int count)
            throws InterruptedException {
        List<Object> payloads = new ArrayList<>();
        while (payloads.size() < count && stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
            payloads.add(stream.nextAvailable().getPayload());
        }
        return payloads;
    }

    private static List<EventMessage<?>> events(int from, int count) {
        return IntStream.range(from, from + count).<EventMessage<?>>mapToObj(i ->
                new GenericDomainEventMessage<>("Test", "enterprise-1", i, "event " + i)).toList();
    }
}
