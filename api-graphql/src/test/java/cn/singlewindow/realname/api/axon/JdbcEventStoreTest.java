package cn.singlewindow.realname.api.axon;

import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.api.RunningService;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class JdbcEventStoreTest extends RunningService {

    @Autowired
    EventStore eventStore;

    @Test
    void the_service_stores_events_in_postgresql_through_the_direct_read_store() {
        assertThat(eventStore).isInstanceOf(DirectReadEventStore.class);
    }

    @Test
    void with_axon_server_its_own_event_store_applies() {
        new ApplicationContextRunner()
                .withPropertyValues("axon.axonserver.enabled=true")
                .withUserConfiguration(JdbcEventStore.class)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(EventStore.class));
    }
}
