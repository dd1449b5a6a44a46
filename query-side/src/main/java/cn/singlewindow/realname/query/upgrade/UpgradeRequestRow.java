package cn.singlewindow.realname.query.upgrade;

import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.account.UpgradeStatus;
import cn.singlewindow.realname.query.rebuild.ProjectionRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "operator_upgrade_request_view")
class UpgradeRequestRow extends ProjectionRow<String> {

    @Id
    @Column(name = "request_id")
    String requestId;
    @Column(name = "account_id")
    String accountId;
    @Column(name = "enterprise_id")
    String enterpriseId;
    String username;
    @Column(name = "owner_name")
    String ownerName;
    @Enumerated(EnumType.STRING)
    @Column(name = "document_type")
    DocumentType documentType;
    @Column(name = "document_number")
    String documentNumber;
    @Column(name = "applicant_ref")
    String applicantRef;
    @Enumerated(EnumType.STRING)
    UpgradeStatus status;
    String reason;
    @Column(name = "requested_at")
    Instant requestedAt;
    @Column(name = "decided_at")
    Instant decidedAt;
    long version;

    @Override
    public String getId() {
        return requestId;
    }
}
