package cn.singlewindow.realname.query.rebuild;

import java.util.function.Predicate;
import java.util.function.Supplier;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/** Updates through Axon's query update emitter, silenced on a thread that replays ({@link #silently}). */
@Component
class QueryUpdates implements ProjectionUpdates {

    private static final ThreadLocal<Boolean> REBUILDING = ThreadLocal.withInitial(() -> false);

    private final QueryUpdateEmitter emitter;

    QueryUpdates(QueryUpdateEmitter emitter) {
        this.emitter = emitter;
    }

    @Override
    public <Q> void emit(Class<Q> queryType, Predicate<? super Q> filter, Object update) {
        if (!REBUILDING.get()) {
            emitter.emit(queryType, filter, update);
        }
    }

    @Override
    public <Q> void emit(Class<Q> queryType, Predicate<? super Q> filter, Supplier<?> update) {
        if (REBUILDING.get()) {
            return;
        }
        Runnable emitIfWanted = () -> {
            if (emitter.activeSubscriptions().stream().map(Message::getPayload)
                    .anyMatch(query -> queryType.isInstance(query) && filter.test(queryType.cast(query)))) {
                emitter.emit(queryType, filter, update.get());
            }
        };
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> emitIfWanted.run());
        } else {
            emitIfWanted.run();
        }
    }

    /** False while a rebuild replays history on this thread. */
    static boolean live() {
        return !REBUILDING.get();
    }

    /** Runs a rebuild on this thread with updates kept quiet. */
    static <T> T silently(Supplier<T> rebuild) {
        REBUILDING.set(true);
        try {
            return rebuild.get();
        } finally {
            REBUILDING.remove();
        }
    }
}
