package cn.singlewindow.realname.eventstore.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/** The store is handed the payload exactly as it was serialized for the event's hash. */
class AuditChainTest {

    private final JacksonSerializer serializer = spy(JacksonSerializer.defaultSerializer());
    private final AuditChain chain = new AuditChain(null, serializer,
            new cn.singlewindow.realname.eventstore.storage.AggregateCacheSettings(10, java.time.Duration.ofMinutes(1)));

    @Test
    void the_hashed_event_hands_the_store_the_bytes_that_were_hashed() {
        EventMessage<?> event = new GenericDomainEventMessage<>("Account", "account-1", 0,
                Map.of("ownerName", "王五"), Map.of("traceId", "t-1"));

        DomainEventMessage<?> hashed = (DomainEventMessage<?>) chain.handle(List.of(event)).apply(0, event);
        SerializedObject<byte[]> stored = hashed.serializePayload(serializer, byte[].class);
        // Once for the hash, not again for the store.
        verify(serializer, times(1)).serialize(any(), eq(byte[].class));

        assertThat(stored.getData()).isEqualTo(serializer.serialize(event.getPayload(), byte[].class).getData());
        assertThat(hashed.getMetaData()).containsEntry("traceId", "t-1").containsEntry(AuditHash.METADATA_KEY,
                AuditHash.of("account-1", 0, stored.getType().getName(), stored.getData(), Map.of("traceId", "t-1"),
                        AuditHash.GENESIS));
        assertThat(hashed.getIdentifier()).isEqualTo(event.getIdentifier());
        assertThat(hashed.getTimestamp()).isEqualTo(event.getTimestamp());
        assertThat(hashed.getSequenceNumber()).isZero();

        // Another serializer, or another form, is served by a serialization of its own.
        assertThat(hashed.serializePayload(JacksonSerializer.defaultSerializer(), byte[].class)).isNotSameAs(stored);
        clearInvocations(serializer);
        assertThat(hashed.serializePayload(serializer, String.class).getData())
                .isEqualTo(new String(stored.getData(), StandardCharsets.UTF_8));
        verify(serializer, times(1)).serialize(any(), eq(String.class));
    }
}
