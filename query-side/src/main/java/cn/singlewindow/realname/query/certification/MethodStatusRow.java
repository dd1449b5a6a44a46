package cn.singlewindow.realname.query.certification;

import cn.singlewindow.realname.messages.certification.MethodProgress;
import cn.singlewindow.realname.messages.certification.CertificationMethod;
import cn.singlewindow.realname.messages.certification.CertificationStep;
import cn.singlewindow.realname.messages.certification.MethodState;
import cn.singlewindow.realname.messages.certification.SecurityLevel;
import cn.singlewindow.realname.query.rebuild.ProjectionRow;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

@Entity
@Table(name = "method_status_view")
class MethodStatusRow extends ProjectionRow<MethodStatusRow.Key> {

    @EmbeddedId
    Key key;
    @Enumerated(EnumType.STRING)
    MethodState status;
    @Enumerated(EnumType.STRING)
    @Column(name = "security_level")
    SecurityLevel securityLevel;
    @Column(name = "verified_enterprise_info")
    boolean verifiedEnterpriseInfo;
    @Column(name = "verified_owner_identity")
    boolean verifiedOwnerIdentity;
    @Column(name = "passed_at")
    Instant passedAt;
    @Column(name = "last_attempt_at")
    Instant lastAttemptAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "current_step")
    CertificationStep currentStep;

    @Override
    public Key getId() {
        return key;
    }

    MethodProgress progress() {
        return new MethodProgress(key.method(), status, securityLevel, passedAt, lastAttemptAt, currentStep,
                verifiedEnterpriseInfo, verifiedOwnerIdentity);
    }

    void moveTo(MethodProgress progress) {
        status = progress.status();
        securityLevel = progress.securityLevel();
        passedAt = progress.passedAt();
        lastAttemptAt = progress.lastAttemptAt();
        currentStep = progress.currentStep();
        verifiedEnterpriseInfo = progress.verifiedEnterpriseInfo();
        verifiedOwnerIdentity = progress.verifiedOwnerIdentity();
    }

    @Embeddable
    record Key(@Column(name = "enterprise_id") String enterpriseId,
               @Enumerated(EnumType.STRING) @Column(name = "method") CertificationMethod method)
            implements Serializable {
    }
}
