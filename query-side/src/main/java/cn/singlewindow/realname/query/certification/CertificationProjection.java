package cn.singlewindow.realname.query.certification;

import cn.singlewindow.realname.eventstore.rebuild.ProjectionTables;
import cn.singlewindow.realname.messages.card.BankUkeyCallbackRejected;
import cn.singlewindow.realname.messages.card.BankUkeyCertificationStarted;
import cn.singlewindow.realname.messages.card.BankUkeyResultReceived;
import cn.singlewindow.realname.messages.card.IcCardCertificationAttempted;
import cn.singlewindow.realname.messages.certification.AttemptCursor;
import cn.singlewindow.realname.messages.certification.AttemptPage;
import cn.singlewindow.realname.messages.certification.AttemptStatus;
import cn.singlewindow.realname.messages.certification.CertificationAttemptExpired;
import cn.singlewindow.realname.messages.certification.CertificationAttemptFailed;
import cn.singlewindow.realname.messages.certification.CertificationAttemptView;
import cn.singlewindow.realname.messages.certification.CertificationMethod;
import cn.singlewindow.realname.messages.certification.CertificationOverview;
import cn.singlewindow.realname.messages.certification.CertificationPassed;
import cn.singlewindow.realname.messages.certification.CertificationStep;
import cn.singlewindow.realname.messages.certification.CertificationStepFailed;
import cn.singlewindow.realname.messages.certification.EnterpriseCertification;
import cn.singlewindow.realname.messages.certification.EnterpriseInfoVerified;
import cn.singlewindow.realname.messages.certification.FailureReason;
import cn.singlewindow.realname.messages.certification.FindCertificationAttempt;
import cn.singlewindow.realname.messages.certification.FindCertificationAttempts;
import cn.singlewindow.realname.messages.certification.FindCertificationOverview;
import cn.singlewindow.realname.messages.certification.FindCertificationOverviews;
import cn.singlewindow.realname.messages.certification.IdentitySubject;
import cn.singlewindow.realname.messages.certification.IdentityVerified;
import cn.singlewindow.realname.messages.certification.LegalRepCertificationStarted;
import cn.singlewindow.realname.messages.certification.MethodProgress;
import cn.singlewindow.realname.messages.certification.OwnerIdentityVerificationStarted;
import cn.singlewindow.realname.messages.certification.SmsCodeSent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.query.directory.EnterpriseViews;
import cn.singlewindow.realname.query.rebuild.ProjectionUpdates;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Certification attempts and the state of each method (manual §2.5), from which the enterprise's overview is
 * derived: certified once both aspects, enterprise information and the owner's identity, have been verified.
 * Every change is pushed to subscription queries once its transaction commits.
 */
@Component
@ProcessingGroup(ProjectionTables.PROCESSING_GROUP)
class CertificationProjection {

    private final AttemptRows attempts;
    private final MethodStatusRows methods;
    private final JdbcTemplate jdbc;
    private final ProjectionUpdates updateEmitter;
    private final EnterpriseViews views;

    CertificationProjection(AttemptRows attempts, MethodStatusRows methods, JdbcTemplate jdbc,
                            ProjectionUpdates updateEmitter, EnterpriseViews views) {
        this.attempts = attempts;
        this.methods = methods;
        this.jdbc = jdbc;
        this.updateEmitter = updateEmitter;
        this.views = views;
    }

    @EventHandler
    void on(LegalRepCertificationStarted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (!openAttempt(event.enterpriseId(), event.attemptId(), CertificationMethod.LEGAL_REP,
                CertificationStep.ENTERPRISE_INFO, sequence, at, row -> {
                })) {
            return;
        }
        progress(event.enterpriseId(), event, at);
    }

    @EventHandler
    void on(OwnerIdentityVerificationStarted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (!openAttempt(event.enterpriseId(), event.attemptId(), CertificationMethod.OWNER_IDENTITY,
                CertificationStep.ADMINISTRATOR_IDENTITY, sequence, at, row -> {
                })) {
            return;
        }
        progress(event.enterpriseId(), event, at);
    }

    /** One step: the card was checked; CertificationPassed follows when it passed. */
    @EventHandler
    void on(IcCardCertificationAttempted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        boolean failed = event.failureCode() != null;
        if (!openAttempt(event.enterpriseId(), event.attemptId(), CertificationMethod.IC_CARD, CertificationStep.DONE,
                sequence, at, row -> {
                    row.status = failed ? AttemptStatus.FAILED : AttemptStatus.IN_PROGRESS;
                    row.failureCode = event.failureCode();
                    row.finishedAt = failed ? at : null;
                })) {
            return;
        }
        progress(event.enterpriseId(), event, at);
    }

    @EventHandler
    void on(BankUkeyCertificationStarted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        // The bank checks the enterprise behind its corporate account: one step.
        if (!openAttempt(event.enterpriseId(), event.attemptId(), CertificationMethod.BANK_UKEY,
                CertificationStep.ENTERPRISE_INFO, sequence, at, row -> {
                })) {
            return;
        }
        progress(event.enterpriseId(), event, at);
    }

    @EventHandler
    void on(BankUkeyResultReceived event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (event.failureCode() != null) {
            close(event.attemptId(), AttemptStatus.FAILED, event.failureCode(), sequence, at);
            progress(event.enterpriseId(), event, at);
        }
    }

    @EventHandler
    void on(BankUkeyCallbackRejected event, @SequenceNumber long sequence) {
        updateAttempt(event.attemptId(), sequence, row -> {
            if (row.status == AttemptStatus.IN_PROGRESS) {
                // The event keeps the detail (forged, replayed, late...); the attempt shows the stable code.
                row.failureCode = FailureReason.CALLBACK_INVALID;
            }
        });
    }

    @EventHandler
    void on(EnterpriseInfoVerified event, @SequenceNumber long sequence, @Timestamp Instant at) {
        advance(event.attemptId(), CertificationStep.LEGAL_REP_IDENTITY, sequence);
        progress(event.enterpriseId(), event, at);
    }

    @EventHandler
    void on(IdentityVerified event, @SequenceNumber long sequence, @Timestamp Instant at) {
        advance(event.attemptId(), event.subject() == IdentitySubject.LEGAL_REP
                ? CertificationStep.ADMINISTRATOR_IDENTITY : CertificationStep.DONE, sequence);
        progress(event.enterpriseId(), event, at);
    }

    @EventHandler
    void on(CertificationStepFailed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        updateAttempt(event.attemptId(), sequence, row -> row.failureCode = event.reasonCode());
        progress(event.enterpriseId(), event, at);
    }

    @EventHandler
    void on(SmsCodeSent event, @SequenceNumber long sequence) {
        updateAttempt(event.attemptId(), sequence, row -> {
        });
    }

    @EventHandler
    void on(CertificationAttemptFailed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        close(event.attemptId(), AttemptStatus.FAILED, event.reasonCode(), sequence, at);
        progress(event.enterpriseId(), event, at);
    }

    @EventHandler
    void on(CertificationAttemptExpired event, @SequenceNumber long sequence, @Timestamp Instant at) {
        close(event.attemptId(), AttemptStatus.EXPIRED, FailureReason.ATTEMPT_EXPIRED, sequence, at);
        progress(event.enterpriseId(), event, at);
    }

    @EventHandler
    void on(CertificationPassed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        updateAttempt(event.attemptId(), sequence, row -> {
            row.status = AttemptStatus.PASSED;
            row.step = CertificationStep.DONE;
            row.failureCode = null;
            row.finishedAt = at;
        });
        progress(event.enterpriseId(), event, at);
    }

    @ResetHandler
    void reset() {
        attempts.deleteAllInBatch();
        methods.deleteAllInBatch();
    }

    @QueryHandler
    CertificationOverview handle(FindCertificationOverview query) {
        return overview(methodRows(List.of(query.enterpriseId().value())));
    }

    @QueryHandler
    List<EnterpriseCertification> handle(FindCertificationOverviews query) {
        Map<String, List<MethodStatusRow>> byEnterprise = methodRows(
                        query.enterpriseIds().stream().map(EnterpriseId::value).toList()).stream()
                .collect(Collectors.groupingBy(row -> row.key.enterpriseId()));
        return query.enterpriseIds().stream()
                .map(id -> new EnterpriseCertification(id, overview(byEnterprise.getOrDefault(id.value(), List.of()))))
                .toList();
    }

    @QueryHandler
    Optional<CertificationAttemptView> handle(FindCertificationAttempt query) {
        return attempts.findById(query.attemptId()).map(CertificationProjection::toView);
    }

    /** Newest first; the cursor is the (start time, id) of the last row seen, so pages hold under inserts. */
    @QueryHandler
    AttemptPage handle(FindCertificationAttempts query) {
        int limit = Math.max(1, Math.min(query.limit(), 100));
        AttemptCursor after = query.after();
        String columns = "SELECT attempt_id, enterprise_id, method, step, status, started_at, finished_at,"
                + " failure_code, version FROM certification_attempt_view WHERE enterprise_id = ?";
        List<AttemptRow> rows = after == null
                ? jdbc.query(columns + " ORDER BY started_at DESC, attempt_id DESC LIMIT ?", ROW,
                query.enterpriseId().value(), limit + 1)
                : jdbc.query(columns + " AND (started_at, attempt_id) < (?, ?)"
                        + " ORDER BY started_at DESC, attempt_id DESC LIMIT ?", ROW,
                query.enterpriseId().value(), java.sql.Timestamp.from(after.startedAt()), after.attemptId(), limit + 1);
        List<AttemptPage.Edge> edges = rows.stream().limit(limit)
                .map(row -> new AttemptPage.Edge(new AttemptCursor(row.startedAt, row.attemptId).encode(),
                        toView(row)))
                .toList();
        return new AttemptPage(edges, rows.size() > limit);
    }

    /** A new attempt row, in progress unless {@code details} says otherwise; false when it exists (a replay). */
    private boolean openAttempt(EnterpriseId enterpriseId, String attemptId, CertificationMethod method,
                                CertificationStep step, long sequence, Instant at, Consumer<AttemptRow> details) {
        // findById, not existsById: answered from the persistence context when the row is there, and a query
        // (existsById) would first flush every pending row.
        if (attempts.findById(attemptId).isPresent()) {
            return false;
        }
        AttemptRow row = new AttemptRow();
        row.attemptId = attemptId;
        row.enterpriseId = enterpriseId.value();
        row.method = method;
        row.step = step;
        row.status = AttemptStatus.IN_PROGRESS;
        row.startedAt = at;
        details.accept(row);
        saveAttempt(row, sequence);
        return true;
    }

    private void advance(String attemptId, CertificationStep step, long sequence) {
        updateAttempt(attemptId, sequence, row -> {
            row.step = step;
            row.failureCode = null;
        });
    }

    private void close(String attemptId, AttemptStatus status, FailureReason reason, long sequence, Instant at) {
        updateAttempt(attemptId, sequence, row -> {
            row.status = status;
            row.failureCode = reason;
            row.finishedAt = at;
        });
    }

    private void updateAttempt(String attemptId, long sequence, Consumer<AttemptRow> change) {
        attempts.findById(attemptId).filter(row -> row.version < sequence).ifPresent(row -> {
            change.accept(row);
            saveAttempt(row, sequence);
        });
    }

    private void saveAttempt(AttemptRow row, long sequence) {
        row.version = sequence;
        attempts.save(row);
        CertificationAttemptView view = toView(row);
        updateEmitter.emit(FindCertificationAttempt.class, q -> q.attemptId().equals(view.id()), view);
    }

    /** Moves the method the event concerns as {@link MethodProgress} says. */
    private void progress(EnterpriseId enterpriseId, Object event, Instant at) {
        CertificationMethod method = MethodProgress.methodOf(event).orElseThrow();
        MethodStatusRow.Key key = new MethodStatusRow.Key(enterpriseId.value(), method);
        MethodStatusRow row = methods.findById(key).orElseGet(() -> {
            MethodStatusRow fresh = new MethodStatusRow();
            fresh.key = key;
            fresh.moveTo(MethodProgress.notStarted(method));
            return fresh;
        });
        row.moveTo(row.progress().after(event, at));
        methods.save(row);
        // The committed overview, as the subscriber's first answer (the query handler below) reads it.
        updateEmitter.emit(FindCertificationOverview.class, q -> q.enterpriseId().equals(enterpriseId),
                () -> overview(methodRows(List.of(enterpriseId.value()))));
        views.changedAfterCommit(enterpriseId.value());
    }

    static CertificationOverview overview(List<MethodStatusRow> rows) {
        return MethodProgress.overview(rows.stream().map(MethodStatusRow::progress).toList());
    }

    private static CertificationAttemptView toView(AttemptRow row) {
        String hint = row.failureCode == null ? null : row.failureCode.hint();
        return new CertificationAttemptView(row.attemptId, new EnterpriseId(row.enterpriseId), row.method, row.step,
                row.status, row.startedAt, row.finishedAt, row.failureCode == null ? null : row.failureCode.name(), hint,
                row.version);
    }

    /**
     * Plain SQL for reads: a derived JPA query here (query creation, a transaction, the persistence context) was
     * 15% of the service's CPU per enterprise { certification } read.
     */
    private List<MethodStatusRow> methodRows(List<String> enterpriseIds) {
        return jdbc.query("SELECT " + JoinedMethodStatuses.COLUMNS + " FROM method_status_view m"
                        + " WHERE m.enterprise_id = ANY (?)", (rs, rowNumber) -> MethodStatusCollector.read(rs, 1),
                (Object) enterpriseIds.toArray(String[]::new));
    }

    private static final RowMapper<AttemptRow> ROW = (rs, rowNumber) -> {
        AttemptRow row = new AttemptRow();
        row.attemptId = rs.getString(1);
        row.enterpriseId = rs.getString(2);
        row.method = CertificationMethod.valueOf(rs.getString(3));
        row.step = CertificationStep.valueOf(rs.getString(4));
        row.status = AttemptStatus.valueOf(rs.getString(5));
        row.startedAt = rs.getTimestamp(6).toInstant();
        row.finishedAt = MethodStatusCollector.instant(rs.getTimestamp(7));
        row.failureCode = rs.getString(8) == null ? null : FailureReason.of(rs.getString(8));
        row.version = rs.getLong(9);
        return row;
    };
}
