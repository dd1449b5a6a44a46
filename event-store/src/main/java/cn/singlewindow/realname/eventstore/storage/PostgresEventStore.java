package cn.singlewindow.realname.eventstore.storage;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event store in PostgreSQL, unless Axon Server holds the events (profile {@code axonserver}, whose own event
 * store then applies) or {@code realname.event-store.engine} chooses another engine. Declared here rather than left
 * to Axon's auto-configuration only to replace its embedded store with {@link DirectReadEventStore}; Axon builds its
 * storage engine only when no event store is declared.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!${axon.axonserver.enabled:true} and '${realname.event-store.engine:postgres}'.toLowerCase() == 'postgres'")
class PostgresEventStore {

    /** As Axon's JDBC auto-configuration builds it, with timestamps parsed once and reads outside transactions. */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver resolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration axon,
                                          ConnectionProvider connections, TransactionManager transactions,
                                          EventSchema schema) {
        return new PostgresStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(axon.upcasterChain())
                .persistenceExceptionResolver(resolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(axon.snapshotFilter())
                .connectionProvider(connections)
                .transactionManager(new ReadsWithoutTransaction(transactions))
                .schema(schema));
    }

    /** Named and qualified as Axon's own, which it replaces. */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration axon) {
        return DirectReadEventStore.on(storageEngine, axon);
    }
}
