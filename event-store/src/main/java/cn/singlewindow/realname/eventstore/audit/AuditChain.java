package cn.singlewindow.realname.eventstore.audit;

import cn.singlewindow.realname.eventstore.storage.AggregateCacheSettings;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Puts each event's {@link AuditHash} into its metadata as it is published, before any engine appends it (a dispatch
 * interceptor of Axon's event store, which every engine's store runs), chaining it to the previous event of the same
 * aggregate: the one published earlier in this unit of work, else the one already stored, read back through the
 * event store.
 *
 * <p>The hash of each aggregate's last event committed on this node is remembered, so a command on a cached
 * aggregate does not read its previous event back (12% of a command's own path in a profile). An event at a given
 * sequence never changes once committed, so the memory is used only for exactly the sequence it names; after
 * another node's event, or an attempt that rolled back, the stored one is read.
 */
@Component
class AuditChain implements MessageDispatchInterceptor<EventMessage<?>>, InitializingBean {

    private static final String LAST_HASHES = AuditChain.class.getName() + ".lastHashes";

    /** An aggregate's event at a sequence and the hash it was stored with. */
    private record Link(long sequence, String hash) {
    }

    private final EventStore eventStore;
    private final Serializer eventSerializer;
    /** Per aggregate, the last event committed on this node: as many as the aggregate cache holds aggregates. */
    private final Map<String, Link> committed;

    AuditChain(EventStore eventStore, @Qualifier("eventSerializer") Serializer eventSerializer,
               AggregateCacheSettings cache) {
        this.eventStore = eventStore;
        this.eventSerializer = eventSerializer;
        this.committed = Caffeine.newBuilder().maximumSize(cache.aggregateCacheSize()).executor(Runnable::run)
                .<String, Link>build().asMap();
    }

    @Override
    public void afterPropertiesSet() {
        eventStore.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        Map<String, Link> published = CurrentUnitOfWork.map(UnitOfWork::root)
                .map(root -> root.<Map<String, Link>>getOrComputeResource(LAST_HASHES, key -> publishedIn(root)))
                .orElseGet(HashMap::new);
        return (index, message) -> {
            if (!(message instanceof DomainEventMessage<?> event)) {
                return message;
            }
            String aggregateId = event.getAggregateIdentifier();
            long sequence = event.getSequenceNumber();
            String previous = sequence == 0 ? AuditHash.GENESIS : hashAt(aggregateId, sequence - 1, published);
            SerializedObject<byte[]> payload = event.serializePayload(eventSerializer, byte[].class);
            String hash = AuditHash.of(aggregateId, sequence, payload.getType().getName(), payload.getData(),
                    event.getMetaData(), previous);
            published.put(aggregateId, new Link(sequence, hash));
            return new HashedEvent<>(event, hash, eventSerializer, payload);
        };
    }

    /**
     * The event with its hash in its metadata, carrying the payload as serialized for the hash: the store writes
     * those very bytes rather than serialize the payload, and seal its personal data, a second time (2% of a
     * command's CPU). A copy made from it (new metadata) serializes afresh, to the same bytes.
     */
    static final class HashedEvent<T> extends GenericDomainEventMessage<T> {
        private final Serializer serializer;
        private final SerializedObject<byte[]> payload;

        private HashedEvent(DomainEventMessage<T> event, String hash, Serializer serializer,
                            SerializedObject<byte[]> payload) {
            super(event.getType(), event.getAggregateIdentifier(), event.getSequenceNumber(),
                    new GenericMessage<>(event.getIdentifier(), event.getPayloadType(), event.getPayload(),
                            event.getMetaData().mergedWith(Map.of(AuditHash.METADATA_KEY, hash))),
                    event.getTimestamp());
            this.serializer = serializer;
            this.payload = payload;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <S> SerializedObject<S> serializePayload(Serializer serializer, Class<S> expectedRepresentation) {
            if (serializer == this.serializer && expectedRepresentation == byte[].class) {
                return (SerializedObject<S>) payload;
            }
            return super.serializePayload(serializer, expectedRepresentation);
        }
    }

    /** This unit of work's last event per aggregate, remembered once (and only if) it commits. */
    private Map<String, Link> publishedIn(UnitOfWork<?> unitOfWork) {
        Map<String, Link> published = new HashMap<>();
        unitOfWork.afterCommit(done -> committed.putAll(published));
        return published;
    }

    private String hashAt(String aggregateId, long sequence, Map<String, Link> published) {
        Link last = published.get(aggregateId);
        if (last == null) {
            last = committed.get(aggregateId);
        }
        return last != null && last.sequence() == sequence ? last.hash() : storedHash(aggregateId, sequence);
    }

    /** The hash recorded with the aggregate's stored event at that sequence; genesis when there is none. */
    private String storedHash(String aggregateId, long sequence) {
        return eventStore.readEvents(aggregateId, sequence).asStream()
                .filter(event -> event.getSequenceNumber() == sequence)
                .findFirst()
                .map(event -> (String) event.getMetaData().get(AuditHash.METADATA_KEY))
                .orElse(AuditHash.GENESIS);
    }
}
