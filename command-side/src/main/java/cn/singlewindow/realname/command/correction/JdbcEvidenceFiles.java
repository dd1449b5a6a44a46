package cn.singlewindow.realname.command.correction;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** In PostgreSQL, beside the events: a file is stored in the transaction of the event that records it. */
@Component
class JdbcEvidenceFiles implements EvidenceFiles, EvidenceStore {

    private final JdbcTemplate jdbc;

    JdbcEvidenceFiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void store(String caseId, String evidenceId, String fileName, String contentType, byte[] content, String sha256,
               Instant at) {
        jdbc.update("INSERT INTO correction_evidence (evidence_id, case_id, file_name, content_type, size, sha256,"
                        + " content, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", evidenceId, caseId, fileName,
                contentType, content.length, sha256, content, Timestamp.from(at));
    }

    @Override
    public Optional<EvidenceFile> read(String caseId, String evidenceId) {
        return jdbc.query("SELECT file_name, content_type, content, sha256 FROM correction_evidence"
                        + " WHERE case_id = ? AND evidence_id = ?", (rs, row) -> new EvidenceFile(rs.getString(1),
                        rs.getString(2), rs.getBytes(3), rs.getString(4)), caseId, evidenceId)
                .stream().findFirst();
    }
}
