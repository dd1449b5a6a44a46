package cn.singlewindow.realname.api.audit;

import cn.singlewindow.realname.api.common.Connection;
import cn.singlewindow.realname.eventstore.audit.AuditLog;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.enterprise.EnterpriseView;
import java.time.OffsetDateTime;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** For auditors: the history as stored, and whether it is intact. */
@Controller
class AuditController {

    private static final int DEFAULT_PAGE = 50;

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    /** The enterprise and its certification overview as they stood at that instant; null before it existed. */
    @QueryMapping
    @PreAuthorize("hasRole('AUDITOR')")
    EnterpriseView enterpriseAsOf(@Argument String id, @Argument OffsetDateTime at) {
        return audit.asOf(new EnterpriseId(id), at.toInstant()).orElse(null);
    }

    @QueryMapping
    @PreAuthorize("hasRole('AUDITOR')")
    Connection<AuditLog.Entry> auditTrail(@Argument String enterpriseId, @Argument Integer first, @Argument String after) {
        // first's range is the schema's (@range), checked with every input's bounds (InputLimits).
        int size = first == null ? DEFAULT_PAGE : first;
        AuditLog.Page page = audit.trail(new EnterpriseId(enterpriseId), after, size);
        return Connection.of(page.entries(), page.hasMore(), AuditLog.Entry::cursor);
    }

    @QueryMapping
    @PreAuthorize("hasRole('AUDITOR')")
    AuditLog.ChainReport verifyAuditChain(@Argument String enterpriseId) {
        return audit.verify(new EnterpriseId(enterpriseId));
    }

    /** Signs every stream's head now, besides the periodic checkpoints. */
    @MutationMapping
    @PreAuthorize("hasRole('OPERATIONS')")
    AuditLog.Checkpoint takeAuditCheckpoint() {
        return audit.takeCheckpoint();
    }
}
