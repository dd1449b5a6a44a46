package cn.singlewindow.realname.query.rebuild;

import cn.singlewindow.realname.eventstore.rebuild.ProjectionRebuild.TableCheck;
import cn.singlewindow.realname.eventstore.rebuild.ProjectionTables;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The read models' tables as a rebuild sees them: copied before it starts, compared after the events the live
 * processor had applied, written a chunk at a time, and replayed without notifying subscribers
 * ({@link QueryUpdates}) and with new rows held until each flush ({@link RebuiltRows}).
 */
@Component
class ReadModelTables implements ProjectionTables {

    /** Every table the query side's projections of the processing group write. */
    static final List<String> TABLES = List.of("enterprise_view", "account_view", "operator_upgrade_request_view",
            "method_status_view", "certification_attempt_view", "certification_daily_stats", "correction_case_view",
            "correction_evidence_view");

    private final JdbcTemplate jdbc;
    private final EntityManager entityManager;

    ReadModelTables(JdbcTemplate jdbc, EntityManager entityManager) {
        this.jdbc = jdbc;
        this.entityManager = entityManager;
    }

    @Override
    public void copyLive() {
        for (String table : TABLES) {
            jdbc.execute("CREATE TEMP TABLE live_" + table + " ON COMMIT DROP AS SELECT * FROM " + table);
        }
    }

    @Override
    public List<TableCheck> compareWithLive() {
        return TABLES.stream().map(this::check).toList();
    }

    @Override
    public <T> T replaying(Supplier<T> replay) {
        return QueryUpdates.silently(() -> RebuiltRows.intoEmptyProjections(replay));
    }

    /** Writes the chunk's rows (those RebuiltRows held first) and empties JPA's persistence context. */
    @Override
    public void flush() {
        entityManager.flush();
        entityManager.clear();
    }

    private TableCheck check(String table) {
        String live = "live_" + table;
        return jdbc.queryForObject("SELECT (SELECT count(*) FROM " + live + "), (SELECT count(*) FROM " + table
                        + "), (SELECT count(*) FROM (SELECT * FROM " + live + " EXCEPT ALL SELECT * FROM " + table
                        + ") only_live), (SELECT count(*) FROM (SELECT * FROM " + table + " EXCEPT ALL SELECT * FROM "
                        + live + ") only_rebuilt)",
                (rs, row) -> new TableCheck(table, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
    }
}
