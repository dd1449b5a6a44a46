package cn.singlewindow.realname.query.correction;

import org.springframework.data.jpa.repository.JpaRepository;

interface CorrectionCaseRows extends JpaRepository<CorrectionCaseRow, String> {
}
