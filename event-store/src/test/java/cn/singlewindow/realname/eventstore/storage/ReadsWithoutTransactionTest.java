package cn.singlewindow.realname.eventstore.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.junit.jupiter.api.Test;

class ReadsWithoutTransactionTest {

    private final List<String> log = new ArrayList<>();
    private final TransactionManager writes = () -> {
        log.add("begin");
        return new Transaction() {
            @Override
            public void commit() {
                log.add("commit");
            }

            @Override
            public void rollback() {
                log.add("rollback");
            }
        };
    };
    private final TransactionManager store = new ReadsWithoutTransaction(writes);

    @Test
    void a_read_runs_without_a_transaction() {
        assertThat(store.fetchInTransaction(() -> {
            log.add("read");
            return 42;
        })).isEqualTo(42);
        assertThat(log).containsExactly("read");
    }

    @Test
    void a_write_runs_in_a_transaction_of_the_given_manager() {
        store.executeInTransaction(() -> log.add("append"));
        assertThat(log).containsExactly("begin", "append", "commit");
    }

    @Test
    void a_failed_write_is_rolled_back() {
        assertThatThrownBy(() -> store.executeInTransaction(() -> {
            throw new IllegalStateException("duplicate key");
        })).hasMessage("duplicate key");
        assertThat(log).containsExactly("begin", "rollback");
    }
}
