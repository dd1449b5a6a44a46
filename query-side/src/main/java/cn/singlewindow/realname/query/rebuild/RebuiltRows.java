package cn.singlewindow.realname.query.rebuild;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The keys of the rows a rebuild has written since it emptied the projections, per row type. In that time a row
 * exists only if the rebuild wrote it, so a lookup of any other key is answered "absent" without a query: every new
 * attempt, account and enterprise looks itself up first (to stay idempotent live), and those queries were 13% of
 * the rebuild's thread. Kept for the thread running the rebuild only.
 */
public final class RebuiltRows {

    private static final ThreadLocal<Map<Class<?>, Set<Object>>> WRITTEN = new ThreadLocal<>();

    private RebuiltRows() {
    }

    /** Runs a replay into projections the caller has just emptied, on this thread. */
    public static <T> T intoEmptyProjections(Supplier<T> replay) {
        WRITTEN.set(new HashMap<>());
        try {
            return replay.get();
        } finally {
            WRITTEN.remove();
        }
    }

    /** True only while replaying into emptied projections, for a row this replay has not written. */
    static boolean surelyAbsent(Class<?> rowType, Object key) {
        Map<Class<?>, Set<Object>> written = WRITTEN.get();
        return written != null && !written.getOrDefault(rowType, Set.of()).contains(key);
    }

    static void written(Class<?> rowType, Object key) {
        Map<Class<?>, Set<Object>> written = WRITTEN.get();
        if (written != null) {
            written.computeIfAbsent(rowType, type -> new HashSet<>()).add(key);
        }
    }
}
