package cn.singlewindow.realname.eventstore.storage;

import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.api.TestDirectories;
import cn.singlewindow.realname.eventstore.audit.AuditLog;
import cn.singlewindow.realname.eventstore.audit.EnterpriseStreams;
import cn.singlewindow.realname.eventstore.privacy.PersonalDataKeys;
import cn.singlewindow.realname.eventstore.readmodel.ReadModelListener;
import cn.singlewindow.realname.eventstore.rebuild.ProjectionRebuild;
import cn.singlewindow.realname.eventstore.rebuild.ProjectionTables;
import java.util.List;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Profile {@code axonserver} up to the connector, without an Axon Server (none can run here): the context starts with
 * Axon Server's event store, command bus and query bus, the PostgreSQL engine is absent, and every feature built on
 * the store has its beans, wired to that store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.profiles.active=axonserver", "axon.axonserver.servers=127.0.0.1:9",
        "realname.bootstrap.operations.username=", "server.shutdown=immediate",
        "spring.lifecycle.timeout-per-shutdown-phase=5s", "db-scheduler.shutdown-max-wait=1s"})
class AxonServerWiringTest {

    @DynamicPropertySource
    static void ownDataDirectory(DynamicPropertyRegistry registry) {
        String dir = TestDirectories.create("realname-axonserver-").toString();
        registry.add("realname.data-dir", () -> dir);
    }

    @Autowired
    ApplicationContext context;

    @Test
    void events_commands_and_queries_go_through_the_connector_and_every_feature_is_wired_to_it() {
        assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
        assertThat(context.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
        assertThat(context.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
        assertThat(context.getBean(AxonServerConnectionManager.class)).isNotNull();
        assertThat(context.getBeansOfType(EventStorageEngine.class)).isEmpty();
        assertThat(context.getBeansOfType(DirectReadEventStore.class)).isEmpty();
        assertThat(context.getBeansOfType(SegmentBalancer.class)).isEmpty();

        for (Class<?> feature : List.of(AuditLog.class, ProjectionRebuild.class, PersonalDataKeys.class,
                EnterpriseStreams.class, ReadModelListener.class)) {
            assertThat(context.getBeansOfType(feature)).as(feature.getSimpleName()).hasSize(1);
        }
        assertThat(context.getBeansOfType(ProjectionTables.class)).isNotEmpty();
        assertThat(context.getBean("auditChain")).isNotNull();
        assertThat(context.getBean("checkpoints")).isNotNull();
    }
}
