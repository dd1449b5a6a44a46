package cn.singlewindow.realname.api.common;

import java.util.List;
import java.util.function.Function;

/** A page of a list as the contract's connections give it: edges with their cursors, and whether more follow. */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

    public record Edge<T>(String cursor, T node) {
    }

    public record PageInfo(boolean hasNextPage, String endCursor) {
    }

    /** The page of {@code nodes}, each with the cursor {@code cursorOf} gives it. */
    public static <T> Connection<T> of(List<T> nodes, boolean hasNextPage, Function<T, String> cursorOf) {
        return of(nodes, hasNextPage, cursorOf, Function.identity());
    }

    /** The page of a query side's own edges, each giving its cursor and its node. */
    public static <E, T> Connection<T> of(List<E> edges, boolean hasNextPage, Function<E, String> cursorOf,
                                          Function<E, T> nodeOf) {
        List<Edge<T>> mine = edges.stream().map(edge -> new Edge<>(cursorOf.apply(edge), nodeOf.apply(edge)))
                .toList();
        return new Connection<>(mine, new PageInfo(hasNextPage,
                mine.isEmpty() ? null : mine.get(mine.size() - 1).cursor()));
    }
}
