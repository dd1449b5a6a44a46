package cn.singlewindow.realname.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/** The store is handed the payload exactly as it was serialized for the event's hash. */
class AuditChainTest {

    private final CountingSerializer serializer = new CountingSerializer(JacksonSerializer.defaultSerializer());
    private final AuditChain chain = new AuditChain(null, serializer, null, new ObjectMapper(), 10);

    @Test
    void the_hashed_event_hands_the_store_the_bytes_that_were_hashed() {
        EventMessage<?> event = new GenericDomainEventMessage<>("Account", "account-1", 0,
                Map.of("ownerName", "王五"), Map.of("traceId", "t-1"));

        DomainEventMessage<?> hashed = (DomainEventMessage<?>) chain.handle(List.of(event)).apply(0, event);
        assertThat(serializer.serialized).isEqualTo(1);

        SerializedObject<byte[]> stored = hashed.serializePayload(serializer, byte[].class);
        assertThat(serializer.serialized).as("serialized again for the store").isEqualTo(1);
        assertThat(stored.getData()).isEqualTo(serializer.serialize(event.getPayload(), byte[].class).getData());
        assertThat(hashed.getMetaData()).containsEntry("traceId", "t-1").containsEntry(AuditHash.METADATA_KEY,
                AuditHash.of("account-1", 0, stored.getType().getName(), stored.getData(), AuditHash.GENESIS));
        assertThat(hashed.getIdentifier()).isEqualTo(event.getIdentifier());
        assertThat(hashed.getTimestamp()).isEqualTo(event.getTimestamp());
        assertThat(hashed.getSequenceNumber()).isZero();

        // Another serializer, or another form, is served by a serialization of its own.
        JacksonSerializer other = JacksonSerializer.defaultSerializer();
        assertThat(hashed.serializePayload(other, byte[].class)).isNotSameAs(stored);
        int before = serializer.serialized;
        hashed.serializePayload(serializer, String.class);
        assertThat(serializer.serialized).isEqualTo(before + 1);
        assertThat(hashed.serializePayload(serializer, String.class).getData())
                .isEqualTo(new String(stored.getData(), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Counts payloads serialized; the rest is the Jackson serializer's. */
    private static final class CountingSerializer implements Serializer {
        private final Serializer delegate;
        private int serialized;

        CountingSerializer(Serializer delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
            serialized++;
            return delegate.serialize(object, expectedRepresentation);
        }

        @Override
        public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
            return delegate.canSerializeTo(expectedRepresentation);
        }

        @Override
        public <S, T> T deserialize(SerializedObject<S> serializedObject) {
            return delegate.deserialize(serializedObject);
        }

        @Override
        public Class classForType(SerializedType type) {
            return delegate.classForType(type);
        }

        @Override
        public SerializedType typeForClass(Class type) {
            return delegate.typeForClass(type);
        }

        @Override
        public Converter getConverter() {
            return delegate.getConverter();
        }
    }
}
