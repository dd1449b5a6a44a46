package cn.singlewindow.realname.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.api.GraphQlApi.ImportedEnterprise;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link AuditTrailTest} with the events in Axon's in-memory engine. */
@OnAxonInMemoryEngine
class AuditTrailOnMemoryEngineTest extends AuditTrailTest {

    @Autowired
    EventStorageEngine engine;

    @Test
    void the_events_of_this_service_are_in_axons_in_memory_engine_and_none_in_postgresql() {
        ImportedEnterprise enterprise = api().importEnterprise(api().asOperations());

        assertThat(engine.getClass().getSimpleName()).isEqualTo("SerializedInMemoryEngine");
        assertThat(eventsOf(enterprise.id())).isPositive();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)).isZero();
    }
}
