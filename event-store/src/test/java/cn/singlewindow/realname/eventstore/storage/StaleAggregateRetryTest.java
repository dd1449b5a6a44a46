package cn.singlewindow.realname.eventstore.storage;

import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.common.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

class StaleAggregateRetryTest {

    private final StaleAggregateRetry retry = new StaleAggregateRetry();
    private final AtomicInteger dispatched = new AtomicInteger();

    @Test
    void a_stale_aggregate_is_tried_once_more_on_the_callers_thread() {
        ConcurrencyException stale = new ConcurrencyException("sequence 7 already taken");
        assertThat(retry.scheduleRetry(command(), stale, failures(1), dispatched::incrementAndGet)).isTrue();
        assertThat(dispatched).hasValue(1);
    }

    @Test
    void a_conflict_wrapped_by_the_command_bus_is_recognised() {
        var wrapped = new CommandExecutionException("failed", new ConcurrencyException("stale"));
        assertThat(retry.scheduleRetry(command(), wrapped, failures(1), dispatched::incrementAndGet)).isTrue();
    }

    @Test
    void a_second_conflict_goes_back_to_the_caller() {
        ConcurrencyException again = new ConcurrencyException("still conflicting");
        assertThat(retry.scheduleRetry(command(), again, failures(2), dispatched::incrementAndGet)).isFalse();
        assertThat(dispatched).hasValue(0);
    }

    @Test
    void rejections_and_other_failures_are_never_run_again() {
        assertThat(retry.scheduleRetry(command(), new RejectedException(Rejection.of("VALIDATION_FAILED", "Bad input.", "输入有误。")), failures(1),
                dispatched::incrementAndGet)).isFalse();
        assertThat(retry.scheduleRetry(command(), new IllegalStateException("database down"), failures(1),
                dispatched::incrementAndGet)).isFalse();
        assertThat(dispatched).hasValue(0);
    }

    private static GenericCommandMessage<String> command() {
        return new GenericCommandMessage<>("change");
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>[]> failures(int count) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            failures.add(new Class[] {ConcurrencyException.class});
        }
        return failures;
    }
}
