package cn.singlewindow.realname.eventstore.storage;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Events in memory ({@code realname.event-store.engine=memory}): Axon's in-memory engine, holding each event as the
 * other engines do, serialized ({@link SerializedInMemoryEngine}). Tokens, projections and everything else stay in
 * PostgreSQL. For tests that prove a feature does not depend on the PostgreSQL engine; events are gone at every stop.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!${axon.axonserver.enabled:true} and '${realname.event-store.engine:postgres}'.toLowerCase() == 'memory'")
class InMemoryEventStore {

    @Bean
    EventStorageEngine eventStorageEngine(@Qualifier("eventSerializer") Serializer eventSerializer) {
        return new SerializedInMemoryEngine(eventSerializer);
    }

    /** Named and qualified as Axon's own, which it replaces. */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration axon) {
        return DirectReadEventStore.on(storageEngine, axon);
    }
}
