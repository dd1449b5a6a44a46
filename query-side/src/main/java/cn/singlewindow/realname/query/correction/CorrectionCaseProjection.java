package cn.singlewindow.realname.query.correction;

import cn.singlewindow.realname.eventstore.rebuild.ProjectionTables;
import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.correction.CorrectionCaseApproved;
import cn.singlewindow.realname.messages.correction.CorrectionCaseOpened;
import cn.singlewindow.realname.messages.correction.CorrectionCasePage;
import cn.singlewindow.realname.messages.correction.CorrectionCaseRejected;
import cn.singlewindow.realname.messages.correction.CorrectionCaseSubmitted;
import cn.singlewindow.realname.messages.correction.CorrectionCaseView;
import cn.singlewindow.realname.messages.correction.CorrectionCursor;
import cn.singlewindow.realname.messages.correction.CorrectionEvidenceAdded;
import cn.singlewindow.realname.messages.correction.CorrectionStatus;
import cn.singlewindow.realname.messages.correction.FindCorrectionCase;
import cn.singlewindow.realname.messages.correction.FindCorrectionCases;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.query.rebuild.ProjectionUpdates;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Manual §2.3 (3): correction cases, and the queue staff work through, oldest first. */
@Component
@ProcessingGroup(ProjectionTables.PROCESSING_GROUP)
class CorrectionCaseProjection {

    private final CorrectionCaseRows cases;
    private final CorrectionEvidenceRows evidence;
    private final JdbcTemplate jdbc;
    private final ProjectionUpdates updateEmitter;

    CorrectionCaseProjection(CorrectionCaseRows cases, CorrectionEvidenceRows evidence, JdbcTemplate jdbc,
                             ProjectionUpdates updateEmitter) {
        this.cases = cases;
        this.evidence = evidence;
        this.jdbc = jdbc;
        this.updateEmitter = updateEmitter;
    }

    @EventHandler
    void on(CorrectionCaseOpened event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (cases.findById(event.caseId()).isPresent()) {
            return;
        }
        CorrectionCaseRow row = new CorrectionCaseRow();
        row.caseId = event.caseId();
        row.enterpriseId = event.enterpriseId().value();
        row.administratorId = event.administratorId().value();
        row.status = CorrectionStatus.DRAFT;
        row.name = event.name();
        row.uscc = event.uscc().value();
        row.orgCode = event.orgCode().value();
        row.explanation = event.explanation();
        row.openedAt = at;
        row.queuedAt = at;
        save(row, sequence);
    }

    @EventHandler
    void on(CorrectionEvidenceAdded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (evidence.findById(event.evidenceId()).isEmpty()) {
            CorrectionEvidenceRow row = new CorrectionEvidenceRow();
            row.evidenceId = event.evidenceId();
            row.caseId = event.caseId();
            row.fileName = event.fileName();
            row.contentType = event.contentType();
            row.size = event.size();
            row.sha256 = event.sha256();
            row.uploadedAt = at;
            evidence.save(row);
        }
        update(event.caseId(), sequence, row -> {
        });
    }

    @EventHandler
    void on(CorrectionCaseSubmitted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.caseId(), sequence, row -> {
            row.status = CorrectionStatus.SUBMITTED;
            row.submittedAt = at;
            row.queuedAt = at;
        });
    }

    @EventHandler
    void on(CorrectionCaseApproved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.caseId(), sequence, row -> decide(row, CorrectionStatus.APPROVED, event.decidedBy(),
                event.reason(), at));
    }

    @EventHandler
    void on(CorrectionCaseRejected event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.caseId(), sequence, row -> decide(row, CorrectionStatus.REJECTED, event.decidedBy(),
                event.reason(), at));
    }

    private static void decide(CorrectionCaseRow row, CorrectionStatus status, AccountId by, String reason,
                               Instant at) {
        row.status = status;
        row.decidedBy = by.value();
        row.reason = reason;
        row.decidedAt = at;
    }

    @ResetHandler
    void reset() {
        cases.deleteAllInBatch();
        evidence.deleteAllInBatch();
    }

    @QueryHandler
    Optional<CorrectionCaseView> handle(FindCorrectionCase query) {
        return cases.findById(query.caseId()).map(row -> views(List.of(row)).get(0));
    }

    /** Oldest first; the cursor is the last case's place in the queue and its id, so pages hold under inserts. */
    @QueryHandler
    CorrectionCasePage handle(FindCorrectionCases query) {
        int limit = Math.max(1, Math.min(query.limit(), 100));
        CorrectionCursor after = query.after();
        String select = "SELECT case_id FROM correction_case_view WHERE status = ?";
        List<String> ids = after == null
                ? jdbc.queryForList(select + " ORDER BY queued_at, case_id LIMIT ?", String.class,
                query.status().name(), limit + 1)
                : jdbc.queryForList(select + " AND (queued_at, case_id) > (?, ?) ORDER BY queued_at, case_id LIMIT ?",
                String.class, query.status().name(), java.sql.Timestamp.from(after.queuedAt()), after.caseId(), limit + 1);
        Map<String, CorrectionCaseRow> rows = cases.findAllById(ids).stream()
                .collect(Collectors.toMap(row -> row.caseId, row -> row));
        List<CorrectionCaseRow> ordered = ids.stream().limit(limit).map(rows::get).toList();
        List<CorrectionCaseView> views = views(ordered);
        List<CorrectionCasePage.Edge> edges = new java.util.ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            edges.add(new CorrectionCasePage.Edge(new CorrectionCursor(ordered.get(i).queuedAt,
                    ordered.get(i).caseId).encode(), views.get(i)));
        }
        return new CorrectionCasePage(edges, ids.size() > limit);
    }

    private void update(String caseId, long sequence, java.util.function.Consumer<CorrectionCaseRow> change) {
        cases.findById(caseId).filter(row -> row.version < sequence).ifPresent(row -> {
            change.accept(row);
            save(row, sequence);
        });
    }

    private void save(CorrectionCaseRow row, long sequence) {
        row.version = sequence;
        cases.save(row);
        CorrectionCaseView view = views(List.of(row)).get(0);
        updateEmitter.emit(FindCorrectionCase.class, q -> q.caseId().equals(view.id()), view);
    }

    /** The cases with their evidence, in one query for all of them. */
    private List<CorrectionCaseView> views(List<CorrectionCaseRow> rows) {
        Map<String, List<CorrectionCaseView.Evidence>> files = evidence.findByCaseIdInOrderByUploadedAt(
                        rows.stream().map(row -> row.caseId).toList()).stream()
                .collect(Collectors.groupingBy(file -> file.caseId, Collectors.mapping(file ->
                        new CorrectionCaseView.Evidence(file.evidenceId, file.fileName, file.contentType, file.size,
                                file.sha256, file.uploadedAt), Collectors.toList())));
        return rows.stream().map(row -> new CorrectionCaseView(row.caseId, new EnterpriseId(row.enterpriseId),
                new AccountId(row.administratorId), row.status,
                new CorrectionCaseView.Requested(row.name, row.uscc, row.orgCode), row.explanation,
                files.getOrDefault(row.caseId, List.of()), row.openedAt, row.submittedAt, row.decidedAt,
                row.decidedBy, row.reason, row.version)).toList();
    }
}
