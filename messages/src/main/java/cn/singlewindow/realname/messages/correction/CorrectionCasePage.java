package cn.singlewindow.realname.messages.correction;

import java.util.List;

public record CorrectionCasePage(List<Edge> edges, boolean hasNextPage) {

    public record Edge(String cursor, CorrectionCaseView node) {
    }
}
