package cn.singlewindow.realname.query.statistics;

import cn.singlewindow.realname.eventstore.rebuild.ProjectionTables;
import cn.singlewindow.realname.messages.card.BankUkeyCertificationStarted;
import cn.singlewindow.realname.messages.card.BankUkeyResultReceived;
import cn.singlewindow.realname.messages.card.IcCardCertificationAttempted;
import cn.singlewindow.realname.messages.certification.CertificationAttemptExpired;
import cn.singlewindow.realname.messages.certification.CertificationMethod;
import cn.singlewindow.realname.messages.certification.CertificationPassed;
import cn.singlewindow.realname.messages.certification.CertificationStepFailed;
import cn.singlewindow.realname.messages.certification.LegalRepCertificationStarted;
import cn.singlewindow.realname.messages.certification.OwnerIdentityVerificationStarted;
import cn.singlewindow.realname.messages.common.ChinaTime;
import cn.singlewindow.realname.messages.statistics.CertificationStatistics;
import cn.singlewindow.realname.messages.statistics.CertificationStatistics.DailyCount;
import cn.singlewindow.realname.messages.statistics.CertificationStatistics.LevelCount;
import cn.singlewindow.realname.messages.statistics.CertificationStatistics.ReasonCount;
import cn.singlewindow.realname.messages.statistics.FindCertificationStatistics;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts for dashboards. Rows and the processor's token commit together, so each event counts once, and a rebuild
 * (reset, then replay) counts everything again from nothing.
 */
@Component
@ProcessingGroup(ProjectionTables.PROCESSING_GROUP)
class CertificationStatisticsProjection {

    private static final String NONE = "-";
    private static final String PENDING_COUNTS = CertificationStatisticsProjection.class.getName() + ".pending";

    private final JdbcTemplate jdbc;

    CertificationStatisticsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(LegalRepCertificationStarted event, @Timestamp Instant at) {
        count(at, CertificationMethod.LEGAL_REP, "STARTED", NONE);
    }

    @EventHandler
    void on(OwnerIdentityVerificationStarted event, @Timestamp Instant at) {
        count(at, CertificationMethod.OWNER_IDENTITY, "STARTED", NONE);
    }

    @EventHandler
    void on(BankUkeyCertificationStarted event, @Timestamp Instant at) {
        count(at, CertificationMethod.BANK_UKEY, "STARTED", NONE);
    }

    /** An IC card attempt is one step: started, and failed or (CertificationPassed follows) passed. */
    @EventHandler
    void on(IcCardCertificationAttempted event, @Timestamp Instant at) {
        count(at, CertificationMethod.IC_CARD, "STARTED", NONE);
        if (event.failureCode() != null) {
            count(at, CertificationMethod.IC_CARD, "FAILED", event.failureCode().name());
        }
    }

    @EventHandler
    void on(CertificationStepFailed event, @Timestamp Instant at) {
        count(at, event.method(), "FAILED", event.reasonCode().name());
    }

    @EventHandler
    void on(BankUkeyResultReceived event, @Timestamp Instant at) {
        if (event.failureCode() != null) {
            count(at, CertificationMethod.BANK_UKEY, "FAILED", event.failureCode().name());
        }
    }

    @EventHandler
    void on(CertificationAttemptExpired event, @Timestamp Instant at) {
        count(at, event.method(), "EXPIRED", "ATTEMPT_EXPIRED");
    }

    @EventHandler
    void on(CertificationPassed event, @Timestamp Instant at) {
        count(at, event.method(), "PASSED", NONE);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM certification_daily_stats");
    }

    @QueryHandler
    CertificationStatistics handle(FindCertificationStatistics query) {
        Date from = Date.valueOf(query.from());
        Date to = Date.valueOf(query.to());
        List<DailyCount> perDay = jdbc.query("SELECT day, method,"
                        + " sum(count) FILTER (WHERE outcome = 'STARTED'), sum(count) FILTER (WHERE outcome = 'PASSED'),"
                        + " sum(count) FILTER (WHERE outcome = 'FAILED'), sum(count) FILTER (WHERE outcome = 'EXPIRED')"
                        + " FROM certification_daily_stats WHERE day BETWEEN ? AND ? GROUP BY day, method"
                        + " ORDER BY day, method",
                (rs, row) -> new DailyCount(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6)), from, to);
        List<ReasonCount> reasons = jdbc.query("SELECT method, reason, sum(count) FROM certification_daily_stats"
                        + " WHERE day BETWEEN ? AND ? AND outcome = 'FAILED' GROUP BY method, reason"
                        + " ORDER BY sum(count) DESC, method, reason",
                (rs, row) -> new ReasonCount(rs.getString(1), rs.getString(2), rs.getLong(3)), from, to);
        // The enterprise's level now: the highest level among its passed methods (NONE without any).
        List<LevelCount> levels = jdbc.query("SELECT coalesce(best.level, 'NONE'), count(*) FROM enterprise_view e"
                        + " LEFT JOIN (SELECT enterprise_id, CASE max(CASE security_level WHEN 'HIGH' THEN 3"
                        + " WHEN 'MEDIUM' THEN 2 WHEN 'LOW' THEN 1 ELSE 0 END) WHEN 3 THEN 'HIGH' WHEN 2 THEN 'MEDIUM'"
                        + " WHEN 1 THEN 'LOW' ELSE 'NONE' END AS level FROM method_status_view WHERE status = 'PASSED'"
                        + " GROUP BY enterprise_id) best ON best.enterprise_id = e.enterprise_id"
                        + " GROUP BY coalesce(best.level, 'NONE') ORDER BY 1",
                (rs, row) -> new LevelCount(rs.getString(1), rs.getLong(2)));
        return new CertificationStatistics(query.from(), query.to(), perDay, reasons, levels);
    }

    /**
     * Counts are summed per batch of events and written when the batch commits, one upsert per row in one fixed
     * order: the two segments then wait for each other on a shared row instead of deadlocking, and a batch of a
     * hundred events costs a few statements. Outside a unit of work (a rebuild) each count is written at once.
     */
    private void count(Instant at, CertificationMethod method, String outcome, String reason) {
        Key key = new Key(at.atZone(ChinaTime.ZONE).toLocalDate(), method.name(), outcome, reason);
        if (!CurrentUnitOfWork.isStarted()) {
            upsert(Map.of(key, 1L));
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        Map<Key, Long> pending = batch.getOrComputeResource(PENDING_COUNTS, name -> {
            Map<Key, Long> counts = new TreeMap<>(Key.ORDER);
            batch.onPrepareCommit(unitOfWork -> upsert(counts));
            return counts;
        });
        pending.merge(key, 1L, Long::sum);
    }

    private void upsert(Map<Key, Long> counts) {
        jdbc.batchUpdate("INSERT INTO certification_daily_stats (day, method, outcome, reason, count)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (day, method, outcome, reason)"
                        + " DO UPDATE SET count = certification_daily_stats.count + EXCLUDED.count",
                counts.entrySet().stream().map(entry -> new Object[] {Date.valueOf(entry.getKey().day()),
                        entry.getKey().method(), entry.getKey().outcome(), entry.getKey().reason(),
                        entry.getValue()}).toList());
    }

    private record Key(LocalDate day, String method, String outcome, String reason) {
        static final Comparator<Key> ORDER = Comparator.comparing(Key::day).thenComparing(Key::method)
                .thenComparing(Key::outcome).thenComparing(Key::reason);
    }
}
