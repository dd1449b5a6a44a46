package cn.singlewindow.realname.query.correction;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CorrectionEvidenceRows extends JpaRepository<CorrectionEvidenceRow, String> {

    List<CorrectionEvidenceRow> findByCaseIdInOrderByUploadedAt(Collection<String> caseIds);
}
