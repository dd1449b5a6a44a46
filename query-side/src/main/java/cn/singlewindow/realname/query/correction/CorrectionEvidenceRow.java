package cn.singlewindow.realname.query.correction;

import cn.singlewindow.realname.query.rebuild.ProjectionRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "correction_evidence_view")
class CorrectionEvidenceRow extends ProjectionRow<String> {

    @Id
    @Column(name = "evidence_id")
    String evidenceId;
    @Column(name = "case_id")
    String caseId;
    @Column(name = "file_name")
    String fileName;
    @Column(name = "content_type")
    String contentType;
    long size;
    String sha256;
    @Column(name = "uploaded_at")
    Instant uploadedAt;

    @Override
    public String getId() {
        return evidenceId;
    }
}
