package cn.singlewindow.realname.query.directory;

import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.enterprise.EnterpriseOrigin;
import cn.singlewindow.realname.query.rebuild.ProjectionRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "enterprise_view")
class EnterpriseRow extends ProjectionRow<String> {

    @Id
    @Column(name = "enterprise_id")
    String enterpriseId;
    String name;
    String uscc;
    @Column(name = "org_code")
    String orgCode;
    @Enumerated(EnumType.STRING)
    EnterpriseOrigin origin;
    @Column(name = "legal_rep_name")
    String legalRepName;
    @Enumerated(EnumType.STRING)
    @Column(name = "legal_rep_document_type")
    DocumentType legalRepDocumentType;
    @Column(name = "legal_rep_document_number")
    String legalRepDocumentNumber;
    @Column(name = "legal_rep_ref")
    String legalRepRef;
    long version;
    @Column(name = "updated_at")
    Instant updatedAt;

    @Override
    public String getId() {
        return enterpriseId;
    }
}
