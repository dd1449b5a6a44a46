package cn.singlewindow.realname.api.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
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
        return JacksonSerializer.builder()
                .revisionResolver(revisionResolver)
                .converter(new ChainingConverter(EventSerialization.class.getClassLoader()))
                .objectMapper(sealing)
                .build();
    }
}
