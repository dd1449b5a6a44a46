package cn.singlewindow.realname.api.common;

import jakarta.servlet.http.HttpServletRequest;

/** Which HTTP requests are GraphQL operations (spring.graphql.http.path), for the filters that treat only those. */
public final class GraphQlPosts {

    private static final String PATH = "/graphql";

    private GraphQlPosts() {
    }

    public static boolean isGraphQlPost(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && PATH.equals(request.getRequestURI());
    }
}
