package cn.singlewindow.realname.query.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.singlewindow.realname.api.RunningService;
import cn.singlewindow.realname.messages.certification.AttemptStatus;
import cn.singlewindow.realname.messages.certification.CertificationMethod;
import cn.singlewindow.realname.messages.certification.CertificationStep;
import cn.singlewindow.realname.eventstore.rebuild.ProjectionTables;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** In the test tree of the application: the read models' repositories need its database. */
class RebuiltRowsTest extends RunningService {

    /** The read models as a rebuild replays into them (RebuiltRows holds their new rows). */
    @Autowired
    ProjectionTables readModels;

    @Autowired
    AttemptRows attempts;
    @Autowired
    EntityManager entityManager;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void a_replay_into_emptied_projections_looks_up_only_the_rows_it_wrote() {
        String notWritten = UUID.randomUUID().toString();
        String written = UUID.randomUUID().toString();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            // A row the replay did not write: in the table, but a replay's lookup does not go there for it.
            jdbc.update("INSERT INTO certification_attempt_view (attempt_id, enterprise_id, method, step, status,"
                    + " started_at, version) VALUES (?, 'e', 'IC_CARD', 'DONE', 'FAILED', now(), 1)", notWritten);

            readModels.replaying(() -> {
                assertThat(attempts.findById(notWritten)).isEmpty();
                attempts.save(attempt(written));
                entityManager.flush();
                entityManager.clear();
                assertThat(attempts.findById(written)).hasValueSatisfying(row ->
                        assertThat(row.status).isEqualTo(AttemptStatus.IN_PROGRESS));
                return null;
            });

            assertThat(attempts.findById(notWritten)).as("looked up as always after the replay").isPresent();
            tx.setRollbackOnly();
        });
    }

    @Test
    void a_new_row_is_inserted_at_the_next_flush_as_it_then_is() {
        String id = UUID.randomUUID().toString();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            readModels.replaying(() -> {
                AttemptRow row = attempt(id);
                attempts.save(row);
                assertThat(attempts.findById(id)).containsSame(row);
                assertThat(stepInTable(id)).as("held, not inserted yet").isEmpty();

                row.step = CertificationStep.LEGAL_REP_IDENTITY;
                attempts.save(row);
                entityManager.flush();

                assertThat(stepInTable(id)).containsExactly("LEGAL_REP_IDENTITY");
                return null;
            });
            tx.setRollbackOnly();
        });
    }

    @Test
    void a_replay_that_ends_with_rows_never_flushed_fails() {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            assertThatThrownBy(() -> readModels.replaying(() -> attempts.save(attempt("never-flushed"))))
                    .hasMessageContaining("never flushed");
            tx.setRollbackOnly();
        });
    }

    private List<String> stepInTable(String id) {
        return jdbc.queryForList("SELECT step FROM certification_attempt_view WHERE attempt_id = ?", String.class, id);
    }

    private static AttemptRow attempt(String id) {
        AttemptRow row = new AttemptRow();
        row.attemptId = id;
        row.enterpriseId = "e";
        row.method = CertificationMethod.LEGAL_REP;
        row.step = CertificationStep.ENTERPRISE_INFO;
        row.status = AttemptStatus.IN_PROGRESS;
        row.startedAt = Instant.now();
        row.version = 1;
        return row;
    }
}
