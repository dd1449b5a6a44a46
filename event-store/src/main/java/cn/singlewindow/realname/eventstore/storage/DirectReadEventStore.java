package cn.singlewindow.realname.eventstore.storage;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Axon's embedded event store, except that each processor's stream reads the storage engine itself, a batch at a
 * time, and is woken by every commit on this node (other nodes' events are found when its wait times out).
 *
 * <p>Why not Axon's shared cache of recent events: its reader fetches from where the cache ends to the store's head
 * in one read and keeps the first event of that read reachable until the read ends, so a node catching up on a
 * backlog held all of it in memory (400,000 events ran a 512 MB heap out of memory; AxonFramework#2954 reports the
 * same). Here a stream holds at most one batch of the storage engine. The cost: each stream (two per node here)
 * queries the store itself; at the head, once per local commit and once per wait that runs out.
 */
public class DirectReadEventStore extends EmbeddedEventStore {

    private final ReentrantLock commitLock = new ReentrantLock();
    private final Condition committed = commitLock.newCondition();
    /** Written under the lock, so a waiter sees each signal; read without it. */
    private volatile long commits;

    public DirectReadEventStore(Builder builder) {
        super(builder.optimizeEventConsumption(false));
    }

    /** On the given engine, with Axon's monitor and spans, as Axon's auto-configuration builds its own store. */
    static DirectReadEventStore on(EventStorageEngine storageEngine, org.axonframework.config.Configuration axon) {
        return new DirectReadEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class)));
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new DirectStream(trackingToken);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        commitLock.lock();
        try {
            commits++;
            committed.signalAll();
        } finally {
            commitLock.unlock();
        }
    }

    /** Waits until a commit after the {@code seen}-th one, or the time is up. */
    private void awaitCommitAfter(long seen, long nanos) throws InterruptedException {
        commitLock.lock();
        try {
            while (commits == seen && nanos > 0) {
                nanos = committed.awaitNanos(nanos);
            }
        } finally {
            commitLock.unlock();
        }
    }

    private final class DirectStream implements TrackingEventStream {

        private TrackingToken lastToken;
        private Stream<? extends TrackedEventMessage<?>> reading;
        private Iterator<? extends TrackedEventMessage<?>> events;
        private TrackedEventMessage<?> peeked;
        /** The commit count when this stream last found the head: until the next commit, looking again is futile. */
        private long headAtCommit = -1;
        /** Set when a wait ran out: other nodes' events are found only by looking, once per wait. */
        private boolean pollDue;

        private DirectStream(TrackingToken startAfter) {
            this.lastToken = startAfter;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            if (peeked == null && (events != null || commits != headAtCommit || pollDue)) {
                long seen = commits;
                pollDue = false;
                peeked = read();
                if (peeked == null) {
                    headAtCommit = seen;
                }
            }
            return Optional.ofNullable(peeked);
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (true) {
                // Taken before looking, so a commit between the look and the wait is not missed.
                long seen = commits;
                if (peek().isPresent()) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                awaitCommitAfter(seen, left);
                pollDue = commits == seen;
            }
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(Integer.MAX_VALUE, TimeUnit.MILLISECONDS)) {
                // about 25 days without an event: wait again
            }
            TrackedEventMessage<?> next = peeked;
            peeked = null;
            return next;
        }

        /** The next stored event, or null at the head; the following call reads again from where this one ended. */
        private TrackedEventMessage<?> read() {
            if (events == null) {
                reading = storageEngine().readEvents(lastToken, false);
                events = reading.iterator();
            }
            if (events.hasNext()) {
                TrackedEventMessage<?> next = events.next();
                lastToken = next.trackingToken();
                return next;
            }
            close();
            return null;
        }

        @Override
        public void close() {
            if (reading != null) {
                reading.close();
                reading = null;
                events = null;
            }
        }
    }
}
