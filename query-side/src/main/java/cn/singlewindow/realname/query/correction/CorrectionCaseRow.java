package cn.singlewindow.realname.query.correction;

import cn.singlewindow.realname.messages.correction.CorrectionStatus;
import cn.singlewindow.realname.query.rebuild.ProjectionRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "correction_case_view")
class CorrectionCaseRow extends ProjectionRow<String> {

    @Id
    @Column(name = "case_id")
    String caseId;
    @Column(name = "enterprise_id")
    String enterpriseId;
    @Column(name = "administrator_id")
    String administratorId;
    @Enumerated(EnumType.STRING)
    CorrectionStatus status;
    String name;
    String uscc;
    @Column(name = "org_code")
    String orgCode;
    String explanation;
    @Column(name = "opened_at")
    Instant openedAt;
    @Column(name = "submitted_at")
    Instant submittedAt;
    @Column(name = "queued_at")
    Instant queuedAt;
    @Column(name = "decided_at")
    Instant decidedAt;
    @Column(name = "decided_by")
    String decidedBy;
    String reason;
    long version;

    @Override
    public String getId() {
        return caseId;
    }
}
