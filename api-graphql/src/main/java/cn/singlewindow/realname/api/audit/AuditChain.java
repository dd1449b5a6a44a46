package cn.singlewindow.realname.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Puts each event's {@link AuditHash} into its metadata as it is published, chaining it to the previous event of
 * the same aggregate: the one published earlier in this unit of work, else the one already stored. Events go to the
 * PostgreSQL event store (with Axon Server the chain is Axon Server's own concern, so this is off there).
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
class AuditChain implements MessageDispatchInterceptor<EventMessage<?>>, InitializingBean {

    private static final String LAST_HASHES = AuditChain.class.getName() + ".lastHashes";

    private final EventStore eventStore;
    private final Serializer eventSerializer;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    AuditChain(EventStore eventStore, @Qualifier("eventSerializer") Serializer eventSerializer, JdbcTemplate jdbc,
               ObjectMapper json) {
        this.eventStore = eventStore;
        this.eventSerializer = eventSerializer;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void afterPropertiesSet() {
        eventStore.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        Map<String, String> lastHashes = CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().root().getOrComputeResource(LAST_HASHES, key -> new HashMap<>())
                : new HashMap<>();
        return (index, message) -> {
            if (!(message instanceof DomainEventMessage<?> event)) {
                return message;
            }
            String aggregateId = event.getAggregateIdentifier();
            String previous = lastHashes.get(aggregateId);
            if (previous == null) {
                previous = event.getSequenceNumber() == 0 ? AuditHash.GENESIS
                        : storedHash(aggregateId, event.getSequenceNumber() - 1);
            }
            SerializedObject<byte[]> payload = event.serializePayload(eventSerializer, byte[].class);
            String hash = AuditHash.of(aggregateId, event.getSequenceNumber(), payload.getType().getName(),
                    payload.getData(), previous);
            lastHashes.put(aggregateId, hash);
            return event.andMetaData(Map.of(AuditHash.METADATA_KEY, hash));
        };
    }

    private String storedHash(String aggregateId, long sequence) {
        List<byte[]> metaData = jdbc.queryForList("SELECT meta_data FROM domain_event_entry"
                + " WHERE aggregate_identifier = ? AND sequence_number = ?", byte[].class, aggregateId, sequence);
        if (metaData.isEmpty() || metaData.get(0) == null) {
            return AuditHash.GENESIS;
        }
        try {
            JsonNode hash = json.readTree(metaData.get(0)).get(AuditHash.METADATA_KEY);
            return hash == null ? AuditHash.GENESIS : hash.asText();
        } catch (IOException unreadable) {
            return AuditHash.GENESIS;
        }
    }
}
