package cn.singlewindow.realname.query.certification;

import cn.singlewindow.realname.messages.certification.AttemptStatus;
import cn.singlewindow.realname.messages.certification.CertificationMethod;
import cn.singlewindow.realname.messages.certification.CertificationStep;
import cn.singlewindow.realname.query.rebuild.ProjectionRow;
import cn.singlewindow.realname.messages.certification.FailureReason;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "certification_attempt_view")
class AttemptRow extends ProjectionRow<String> {

    @Id
    @Column(name = "attempt_id")
    String attemptId;
    @Column(name = "enterprise_id")
    String enterpriseId;
    @Enumerated(EnumType.STRING)
    CertificationMethod method;
    @Enumerated(EnumType.STRING)
    CertificationStep step;
    @Enumerated(EnumType.STRING)
    AttemptStatus status;
    @Column(name = "started_at")
    Instant startedAt;
    @Column(name = "finished_at")
    Instant finishedAt;
    @Column(name = "failure_code")
    @Enumerated(EnumType.STRING)
    FailureReason failureCode;
    long version;

    @Override
    public String getId() {
        return attemptId;
    }
}
