package cn.singlewindow.realname.query.rebuild;

import java.util.function.Predicate;
import java.util.function.Supplier;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/**
 * Tells subscribers (read-your-writes, live status subscriptions) that a row changed, except while a rebuild
 * replays history on this thread: subscribers would see old states go by again, and before the rebuild commits.
 */
@Component
public class ProjectionUpdates {

    private static final ThreadLocal<Boolean> REBUILDING = ThreadLocal.withInitial(() -> false);

    private final QueryUpdateEmitter emitter;

    ProjectionUpdates(QueryUpdateEmitter emitter) {
        this.emitter = emitter;
    }

    public <Q> void emit(Class<Q> queryType, Predicate<? super Q> filter, Object update) {
        if (!REBUILDING.get()) {
            emitter.emit(queryType, filter, update);
        }
    }

    /**
     * For an update that costs a query to make: made after the commit, from what was committed, and only when a
     * subscription is then open for it (building every overview for no one was 44% of a catching-up processor).
     * Checked after the commit: a subscriber that came before then is sent this change, a later one reads it in its
     * first answer.
     */
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
    public static boolean live() {
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
