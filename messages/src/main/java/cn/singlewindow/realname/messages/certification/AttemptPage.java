package cn.singlewindow.realname.messages.certification;

import java.util.List;

/** One page of attempts with an opaque cursor per row. */
public record AttemptPage(List<Edge> edges, boolean hasNextPage) {

    public record Edge(String cursor, CertificationAttemptView node) {
    }
}
