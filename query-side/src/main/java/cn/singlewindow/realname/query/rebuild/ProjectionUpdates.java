package cn.singlewindow.realname.query.rebuild;

import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Tells subscribers (read-your-writes, live status subscriptions) that a row changed, except while a rebuild
 * replays history on this thread: subscribers would see old states go by again, and before the rebuild commits.
 */
public interface ProjectionUpdates {

    <Q> void emit(Class<Q> queryType, Predicate<? super Q> filter, Object update);

    /**
     * For an update that costs a query to make: made after the commit, from what was committed, and only when a
     * subscription is then open for it (building every overview for no one was 44% of a catching-up processor).
     * Checked after the commit: a subscriber that came before then is sent this change, a later one reads it in its
     * first answer.
     */
    <Q> void emit(Class<Q> queryType, Predicate<? super Q> filter, Supplier<?> update);

    /** False while a rebuild replays history on this thread. */
    static boolean live() {
        return QueryUpdates.live();
    }
}
