package cn.singlewindow.realname.eventstore.storage;

import cn.singlewindow.realname.eventstore.rebuild.ProjectionTables;
import cn.singlewindow.realname.messages.common.AuditMetadata;
import java.time.Duration;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Axon's JDBC event store, token store and saga store on the tables Flyway creates (snake_case names), under
 * the one Spring transaction manager that JPA projections use too: a projection's rows and its token commit
 * together, so every event is applied exactly once.
 */
@Configuration(proxyBeanMethods = false)
class AxonStorage {

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema(SagaSchema.builder()
                .sagaEntryTable("saga_entry")
                .revisionColumn("revision")
                .serializedSagaColumn("serialized_saga")
                .associationValueEntryTable("association_value_entry")
                .associationKeyColumn("association_key")
                .associationValueColumn("association_value")
                .sagaIdColumn("saga_id")
                .sagaTypeColumn("saga_type")
                .build());
    }

    /**
     * PostgreSQL reports a duplicate (aggregate, sequence) as SQL state 23505, which Axon's default JDBC resolver
     * does not recognise; recognised, a stale writer (another node's cached aggregate) gets a ConcurrencyException,
     * which is retried and else answered CONCURRENT_MODIFICATION, instead of an internal error.
     */
    @Bean
    PersistenceExceptionResolver duplicateKeyBySqlState() {
        return new SQLStateResolver("23505");
    }

    @Bean
    Cache aggregateCache(AggregateCacheSettings settings) {
        return new AggregateCache(settings.aggregateCacheSize(), settings.aggregateCacheIdle());
    }

    /** Replaces Axon's default gateway (no retries) to run a command again after a stale cached aggregate. */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new StaleAggregateRetry())
                .build();
    }

    /** Who, from where, through what and in which request: copied from each command onto its events. */
    @Bean
    CorrelationDataProvider auditCorrelationData() {
        return new SimpleCorrelationDataProvider(AuditMetadata.KEYS.toArray(String[]::new));
    }

    /** The projections' commits do not wait for the disk; the commands' do ({@link AsynchronousProjectionCommit}). */
    @Bean
    ConfigurerModule asynchronousProjectionCommits(JdbcTemplate jdbc) {
        return configurer -> configurer.eventProcessing(processing -> processing.registerHandlerInterceptor(
                ProjectionTables.PROCESSING_GROUP, c -> new AsynchronousProjectionCommit(jdbc)));
    }

    /** A projection that fails on an event retries it instead of skipping it: nothing committed is lost. */
    @Bean
    ConfigurerModule propagateProjectionErrors() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance()));
    }
}
