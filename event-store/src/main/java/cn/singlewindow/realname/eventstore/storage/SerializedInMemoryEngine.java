package cn.singlewindow.realname.eventstore.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.annotation.Nonnull;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Axon's in-memory engine, given each event serialized (payload and metadata, with the event serializer that seals
 * persons) and handing out a freshly deserialized copy at every read, as an engine with real storage does: an erased
 * person's key then makes their stored fields unreadable here too. Like the other engines it refuses a second event
 * at an aggregate's sequence number (Axon's in-memory engine does not), so concurrent writers of one aggregate fail
 * instead of both appending.
 */
final class SerializedInMemoryEngine implements EventStorageEngine {

    /** What the in-memory engine holds in place of each event's payload. */
    private record Stored(SerializedObject<byte[]> payload, SerializedObject<byte[]> metaData) {
    }

    private final InMemoryEventStorageEngine events = new InMemoryEventStorageEngine(1);
    private final Serializer serializer;
    /** Each aggregate's last sequence number appended, including those of units of work not yet committed. */
    private final Map<String, Long> lastSequences = new HashMap<>();

    SerializedInMemoryEngine(Serializer serializer) {
        this.serializer = serializer;
    }

    @Override
    public void appendEvents(@Nonnull List<? extends EventMessage<?>> toAppend) {
        Map<String, Long> before = claimSequences(toAppend);
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().onRollback(unitOfWork -> release(before));
        }
        List<EventMessage<?>> stored = new ArrayList<>(toAppend.size());
        for (EventMessage<?> event : toAppend) {
            Message<Stored> serialized = new GenericMessage<>(event.getIdentifier(), new Stored(
                    event.serializePayload(serializer, byte[].class), event.serializeMetaData(serializer,
                    byte[].class)), MetaData.emptyInstance());
            stored.add(event instanceof DomainEventMessage<?> domain
                    ? new GenericDomainEventMessage<>(domain.getType(), domain.getAggregateIdentifier(),
                    domain.getSequenceNumber(), serialized, event.getTimestamp())
                    : new GenericEventMessage<>(serialized, event::getTimestamp));
        }
        events.appendEvents(stored);
    }

    private Map<String, Long> claimSequences(List<? extends EventMessage<?>> toAppend) {
        synchronized (lastSequences) {
            Map<String, Long> before = new HashMap<>();
            for (EventMessage<?> event : toAppend) {
                if (event instanceof DomainEventMessage<?> domain) {
                    String aggregate = domain.getAggregateIdentifier();
                    long last = lastSequences.getOrDefault(aggregate, -1L);
                    if (domain.getSequenceNumber() <= last) {
                        release(before);
                        throw new ConcurrencyException("an event of " + aggregate + " at sequence "
                                + domain.getSequenceNumber() + " is already stored");
                    }
                    before.putIfAbsent(aggregate, last);
                    lastSequences.put(aggregate, domain.getSequenceNumber());
                }
            }
            return before;
        }
    }

    private void release(Map<String, Long> before) {
        synchronized (lastSequences) {
            lastSequences.putAll(before);
        }
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return events.readEvents(trackingToken, mayBlock).map(this::restore);
    }

    @Override
    public DomainEventStream readEvents(@Nonnull String aggregateIdentifier, long firstSequenceNumber) {
        return DomainEventStream.of(events.readEvents(aggregateIdentifier, firstSequenceNumber).asStream()
                .map(this::restore));
    }

    @Override
    public void storeSnapshot(@Nonnull DomainEventMessage<?> snapshot) {
        events.storeSnapshot(snapshot);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(@Nonnull String aggregateIdentifier) {
        return events.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(@Nonnull String aggregateIdentifier) {
        return events.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return events.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return events.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(@Nonnull Instant dateTime) {
        return events.createTokenAt(dateTime);
    }

    private TrackedEventMessage<?> restore(TrackedEventMessage<?> held) {
        SerializedMessage<?> message = deserialized(held);
        return held instanceof DomainEventMessage<?> domain
                ? new GenericTrackedDomainEventMessage<>(held.trackingToken(), domain.getType(),
                domain.getAggregateIdentifier(), domain.getSequenceNumber(), message, held::getTimestamp)
                : new GenericTrackedEventMessage<>(held.trackingToken(), message, held::getTimestamp);
    }

    private DomainEventMessage<?> restore(DomainEventMessage<?> held) {
        return new GenericDomainEventMessage<>(held.getType(), held.getAggregateIdentifier(),
                held.getSequenceNumber(), deserialized(held), held::getTimestamp);
    }

    private SerializedMessage<?> deserialized(EventMessage<?> held) {
        Stored stored = (Stored) held.getPayload();
        return new SerializedMessage<>(held.getIdentifier(), stored.payload(), stored.metaData(), serializer);
    }
}
