package cn.singlewindow.realname.eventstore.storage;

import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.common.ExceptionUtils;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Runs a command once more when it failed only because this node's cached aggregate was older than the store
 * (another node changed it): the failure evicted the copy, so the second run loads the current state and
 * decides on it. Any other failure, and a second conflict, go back to the caller (CONCURRENT_MODIFICATION).
 * Runs on the caller's thread, after the failed unit of work has rolled back.
 */
final class StaleAggregateRetry implements RetryScheduler {

    private static final int RETRIES = 1;

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        if (failures.size() > RETRIES
                || ExceptionUtils.findException(lastFailure, ConcurrencyException.class).isEmpty()) {
            return false;
        }
        dispatchTask.run();
        return true;
    }
}
