package cn.singlewindow.realname.query.rebuild;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a rebuild has written since it emptied the projections, for the thread running it. Two shortcuts follow:
 * <ul>
 *     <li>a row exists only if the rebuild wrote it, so looking up any other key is answered "absent" without a
 *     query (every new attempt, account and enterprise looks itself up first, to stay idempotent live: 13% of the
 *     rebuild's thread);</li>
 *     <li>a new row is held here, not handed to JPA, until the next flush: the events that follow usually change it
 *     (an attempt goes through its steps), and JPA would insert it as first saved, then update it. Held, it is
 *     inserted once, as it finally is.</li>
 * </ul>
 * Every flush of the session first persists the held rows ({@link PersistHeldRowsOnFlush}), so bulk statements and
 * the rebuild's own flushes see them.
 */
final class RebuiltRows {

    private record RowKey(Class<?> type, Object key) {
    }

    private static final class Replay {
        final Set<RowKey> written = new HashSet<>();
        final Map<RowKey, Object> held = new LinkedHashMap<>();
    }

    private static final ThreadLocal<Replay> REPLAY = new ThreadLocal<>();

    private RebuiltRows() {
    }

    /**
     * Runs a replay into projections the caller has just emptied, on this thread. The replay flushes the session
     * before it returns; a row still held then would be lost, so that fails.
     */
    static <T> T intoEmptyProjections(Supplier<T> replay) {
        Replay current = new Replay();
        REPLAY.set(current);
        try {
            T result = replay.get();
            if (!current.held.isEmpty()) {
                throw new IllegalStateException(current.held.size() + " rebuilt rows were never flushed");
            }
            return result;
        } finally {
            REPLAY.remove();
        }
    }

    /** The row held for this key, or null (also outside a replay). */
    static Object held(Class<?> rowType, Object key) {
        Replay replay = REPLAY.get();
        return replay == null ? null : replay.held.get(new RowKey(rowType, key));
    }

    /** True only during a replay, for a row it has not written. */
    static boolean surelyAbsent(Class<?> rowType, Object key) {
        Replay replay = REPLAY.get();
        return replay != null && !replay.written.contains(new RowKey(rowType, key));
    }

    /** Holds a new row until the next flush; false outside a replay (JPA is to persist it now). */
    static boolean holdNew(Class<?> rowType, Object key, Object row) {
        Replay replay = REPLAY.get();
        if (replay == null) {
            return false;
        }
        RowKey rowKey = new RowKey(rowType, key);
        replay.written.add(rowKey);
        replay.held.put(rowKey, row);
        return true;
    }

    static void written(Class<?> rowType, Object key) {
        Replay replay = REPLAY.get();
        if (replay != null) {
            replay.written.add(new RowKey(rowType, key));
        }
    }

    /** Hands the held rows, in the order they were first saved, to {@code persist}. */
    static void persistHeld(Consumer<Object> persist) {
        Replay replay = REPLAY.get();
        if (replay == null || replay.held.isEmpty()) {
            return;
        }
        List<Object> rows = new ArrayList<>(replay.held.values());
        replay.held.clear();
        rows.forEach(persist);
    }
}
