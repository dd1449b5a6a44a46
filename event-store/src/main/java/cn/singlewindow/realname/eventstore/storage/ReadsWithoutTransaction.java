package cn.singlewindow.realname.eventstore.storage;

import java.util.function.Supplier;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * The event store's transactions: writes in the given ones, reads in none of their own. A read is one or two
 * statements, each with its own snapshot under READ COMMITTED either way, and payloads are bytea, not large
 * objects that would need a transaction to be read. Inside a command's transaction a read still takes its
 * connection (Spring binds it to the thread). A processor reading new events after every commit spent a third of
 * that read opening and committing a JPA transaction around it.
 */
final class ReadsWithoutTransaction implements TransactionManager {

    private final TransactionManager writes;

    ReadsWithoutTransaction(TransactionManager writes) {
        this.writes = writes;
    }

    @Override
    public Transaction startTransaction() {
        return writes.startTransaction();
    }

    @Override
    public <T> T fetchInTransaction(Supplier<T> supplier) {
        return supplier.get();
    }
}
