package cn.singlewindow.realname.eventstore.storage;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The projections' transactions commit without waiting for their write-ahead log to reach the disk
 * ({@code synchronous_commit} off for that transaction only). They hold derived rows and the processor's token
 * together: a database crash can undo the last fraction of a second of them, never half of one, and the processor
 * then applies those events again from its token. The commands' transactions, which acknowledge a change, still
 * wait for the disk; so do those of the subscribing processor, which run inside them. Each mutation's answer waited
 * for two disk flushes one after the other, its command's and its projection's; now for one.
 */
class AsynchronousProjectionCommit implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String APPLIED = AsynchronousProjectionCommit.class.getName() + ".applied";

    private final JdbcTemplate jdbc;

    AsynchronousProjectionCommit(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Once per transaction: a processor's batch of events is one unit of work. */
    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        unitOfWork.root().getOrComputeResource(APPLIED, key -> {
            jdbc.execute("SET LOCAL synchronous_commit TO OFF");
            return Boolean.TRUE;
        });
        return interceptorChain.proceed();
    }
}
