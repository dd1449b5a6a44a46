package cn.singlewindow.realname.eventstore.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The serializer of stored events: Axon's Jackson serializer with persons sealed ({@link SealedPersons}). Commands,
 * queries and their answers keep the plain message serializer; they are never stored.
 */
@Configuration(proxyBeanMethods = false)
class EventSerialization {

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(ObjectMapper objectMapper, RevisionResolver revisionResolver,
                               SealedPersons sealedPersons) {
        ObjectMapper plain = objectMapper.copy();
        ObjectMapper sealing = objectMapper.copy().registerModule(sealedPersons.module(plain));
        return new KnownTypes(JacksonSerializer.builder()
                .revisionResolver(revisionResolver)
                .converter(new ChainingConverter(EventSerialization.class.getClassLoader()))
                .objectMapper(sealing));
    }

    /**
     * Remembers the classes of the stored types it has met. Axon asks for an event's class by name on every
     * deserialization and every "can this handler take it?" check, and each time Jackson asked the class loader
     * (Class.forName through the application jar's loader): 8% of a projection rebuild.
     */
    static final class KnownTypes extends JacksonSerializer {
        private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();

        KnownTypes(JacksonSerializer.Builder builder) {
            super(builder);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Class classForType(SerializedType type) {
            Class<?> known = classes.get(type.getName());
            if (known != null) {
                return known;
            }
            Class<?> found = super.classForType(type);
            if (found != UnknownSerializedType.class && found != Void.class) {
                classes.put(type.getName(), found);
            }
            return found;
        }
    }
}
