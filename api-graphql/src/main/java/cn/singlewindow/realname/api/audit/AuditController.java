package cn.singlewindow.realname.api.audit;

import cn.singlewindow.realname.api.error.ApiRejections;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.enterprise.EnterpriseView;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** For auditors: the history as stored, and whether it is intact. */
@Controller
class AuditController {

    private final AuditTrail trail;
    private final EnterpriseHistory history;

    AuditController(AuditTrail trail, EnterpriseHistory history) {
        this.trail = trail;
        this.history = history;
    }

    /** The enterprise and its certification overview as they stood at that instant; null before it existed. */
    @QueryMapping
    @PreAuthorize("hasRole('AUDITOR')")
    EnterpriseView enterpriseAsOf(@Argument String id, @Argument OffsetDateTime at) {
        return history.asOf(new EnterpriseId(id), at.toInstant()).orElse(null);
    }

    record Edge(String cursor, AuditTrail.Entry node) {
    }

    record PageInfo(boolean hasNextPage, String endCursor) {
    }

    record Connection(List<Edge> edges, PageInfo pageInfo) {
    }

    @QueryMapping
    @PreAuthorize("hasRole('AUDITOR')")
    Connection auditTrail(@Argument String enterpriseId, @Argument Integer first, @Argument String after) {
        int size = first == null ? 50 : first;
        if (size < 1 || size > 500) {
            throw new RejectedException(ApiRejections.invalidField("first", "first is 1 to 500.",
                    "每页条数须为1至500。"));
        }
        long cursor;
        try {
            cursor = after == null || after.isBlank() ? 0 : Long.parseLong(after);
        } catch (NumberFormatException malformed) {
            throw new RejectedException(ApiRejections.invalidField("after", "Unknown cursor.", "游标无效。"));
        }
        List<AuditTrail.Entry> entries = trail.entries(new EnterpriseId(enterpriseId), cursor, size + 1);
        List<Edge> edges = entries.stream().limit(size)
                .map(entry -> new Edge(Long.toString(entry.cursor()), entry)).toList();
        return new Connection(edges, new PageInfo(entries.size() > size,
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
    }

    @QueryMapping
    @PreAuthorize("hasRole('AUDITOR')")
    AuditTrail.ChainReport verifyAuditChain(@Argument String enterpriseId) {
        return trail.verify(new EnterpriseId(enterpriseId));
    }
}
