package cn.singlewindow.realname.eventstore.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/** The event serializer that remembers classes answers as Axon's own does, the first time and every time after. */
class KnownTypesTest {

    private final EventSerialization.KnownTypes serializer = new EventSerialization.KnownTypes(
            JacksonSerializer.builder().objectMapper(new ObjectMapper()));

    @Test
    void a_stored_type_resolves_to_its_class_each_time() {
        SimpleSerializedType type = new SimpleSerializedType(HashMap.class.getName(), null);
        assertThat(serializer.classForType(type)).isEqualTo(HashMap.class);
        assertThat(serializer.classForType(type)).isEqualTo(HashMap.class);
    }

    @Test
    void a_type_no_class_exists_for_stays_unknown_and_the_empty_type_stays_void() {
        SimpleSerializedType gone = new SimpleSerializedType("cn.singlewindow.realname.RemovedEvent", null);
        assertThat(serializer.classForType(gone)).isEqualTo(UnknownSerializedType.class);
        assertThat(serializer.classForType(gone)).isEqualTo(UnknownSerializedType.class);
        assertThat(serializer.classForType(SimpleSerializedType.emptyType())).isEqualTo(Void.class);
    }

    @Test
    void events_still_round_trip() {
        HashMap<String, Object> payload = new HashMap<>(Map.of("uscc", "91350100M000100Y43"));
        SerializedObject<byte[]> stored = serializer.serialize(payload, byte[].class);
        for (int i = 0; i < 2; i++) {
            Object read = serializer.deserialize(stored);
            assertThat(read).isInstanceOf(HashMap.class).isEqualTo(payload);
        }
    }
}
