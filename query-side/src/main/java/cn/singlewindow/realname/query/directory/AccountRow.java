package cn.singlewindow.realname.query.directory;

import cn.singlewindow.realname.messages.account.AccountRole;
import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.query.rebuild.ProjectionRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "account_view")
class AccountRow extends ProjectionRow<String> {

    @Id
    @Column(name = "account_id")
    String accountId;
    @Column(name = "enterprise_id")
    String enterpriseId;
    String username;
    @Enumerated(EnumType.STRING)
    AccountRole role;
    @Column(name = "owner_name")
    String ownerName;
    @Enumerated(EnumType.STRING)
    @Column(name = "document_type")
    DocumentType documentType;
    @Column(name = "document_number")
    String documentNumber;
    @Column(name = "owner_ref")
    String ownerRef;
    @Column(name = "id_valid_from")
    String idValidFrom;
    @Column(name = "id_valid_to")
    String idValidTo;
    @Column(name = "identity_verified")
    boolean identityVerified;
    boolean enabled = true;
    long version;
    @Column(name = "updated_at")
    Instant updatedAt;

    @Override
    public String getId() {
        return accountId;
    }
}
