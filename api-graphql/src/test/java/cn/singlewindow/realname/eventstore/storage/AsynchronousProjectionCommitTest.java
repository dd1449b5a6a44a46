package cn.singlewindow.realname.eventstore.storage;

import cn.singlewindow.realname.eventstore.rebuild.ProjectionTables;
import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.api.RunningService;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class AsynchronousProjectionCommitTest extends RunningService {

    @Autowired
    TransactionTemplate transactions;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void a_projection_transaction_commits_without_waiting_for_the_disk_and_the_next_one_waits_again() {
        String inside = transactions.execute(status -> {
            UnitOfWork<EventMessage<?>> unitOfWork =
                    DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("probe"));
            try {
                return (String) new AsynchronousProjectionCommit(jdbc).handle(unitOfWork,
                        () -> jdbc.queryForObject("SHOW synchronous_commit", String.class));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                unitOfWork.commit();
            }
        });

        String next = transactions.execute(status -> jdbc.queryForObject("SHOW synchronous_commit", String.class));

        assertThat(inside).isEqualTo("off");
        assertThat(next).isEqualTo("on");
    }

    @Test
    void only_the_projections_processor_commits_asynchronously_not_the_one_inside_commands() {
        assertThat(processor(ProjectionTables.PROCESSING_GROUP).getHandlerInterceptors())
                .hasAtLeastOneElementOfType(AsynchronousProjectionCommit.class);
        assertThat(processor("certification-metrics").getHandlerInterceptors())
                .noneMatch(AsynchronousProjectionCommit.class::isInstance);
    }

    private EventProcessor processor(String name) {
        return processing.eventProcessor(name).orElseThrow();
    }
}
