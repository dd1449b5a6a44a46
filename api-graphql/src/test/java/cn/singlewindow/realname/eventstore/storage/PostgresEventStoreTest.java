package cn.singlewindow.realname.eventstore.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.singlewindow.realname.api.RunningService;
import java.time.Duration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PostgresEventStoreTest extends RunningService {

    @Autowired
    EventStore eventStore;

    @Test
    void the_service_stores_events_in_postgresql_through_the_direct_read_store() {
        assertThat(eventStore).isInstanceOf(DirectReadEventStore.class);
    }

    @Test
    void the_embedded_default_projects_with_one_segment_its_single_node_needs() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM token_entry WHERE processor_name = 'enterprise-directory'", Integer.class))
                .isEqualTo(1));
    }

    @Test
    void with_axon_server_its_own_event_store_applies() {
        new ApplicationContextRunner()
                .withPropertyValues("axon.axonserver.enabled=true")
                .withUserConfiguration(PostgresEventStore.class)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(EventStore.class));
    }
}
