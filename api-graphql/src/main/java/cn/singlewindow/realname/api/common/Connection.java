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
        List<Edge<T>> edges = nodes.stream().map(node -> new Edge<>(cursorOf.apply(node), node)).toList();
        return new Connection<>(edges, new PageInfo(hasNextPage,
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
    }
}
