package cn.singlewindow.realname.eventstore.storage;

import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.api.RunningService;
import org.axonframework.common.Registration;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class LocalQueryBusTest extends RunningService {

    @Autowired
    QueryBus queryBus;
    @Autowired
    QueryGateway queries;

    @Test
    void queries_run_outside_a_database_transaction() {
        Registration probe = queryBus.subscribe("transaction-probe", Boolean.class,
                message -> TransactionSynchronizationManager.isActualTransactionActive());
        try {
            assertThat(queries.query("transaction-probe", "any", Boolean.class).join()).isFalse();
        } finally {
            probe.cancel();
        }
    }

    @Test
    void with_axon_server_its_connector_builds_the_bus() {
        new ApplicationContextRunner()
                .withPropertyValues("axon.axonserver.enabled=true")
                .withUserConfiguration(LocalQueryBus.class)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SimpleQueryBus.class));
    }
}
