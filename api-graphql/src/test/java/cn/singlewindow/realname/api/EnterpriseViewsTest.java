package cn.singlewindow.realname.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.singlewindow.realname.api.GraphQlApi.ImportedEnterprise;
import cn.singlewindow.realname.query.directory.EnterpriseViews;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.ConnectionCallback;

/**
 * Enterprise views kept in memory: a row changed by another node (here: by SQL, as its projection would) is read
 * afresh once the database announces the change, and only because it does; without the announcement the kept view
 * is what a read answers. A node that lost its notifications' connection keeps nothing it could miss a change of.
 */
class EnterpriseViewsTest extends RunningService {

    private static final String LISTENER = "realname read-model changes";

    @Autowired
    EnterpriseViews views;

    @Test
    void a_change_by_another_node_is_read_once_the_database_announces_it() {
        Reader reader = enterpriseReadOnce();
        ImportedEnterprise enterprise = reader.enterprise();

        renameUnannounced(enterprise, "未通知的名称有限公司");
        assertThat(reader.name()).as("the kept view").isEqualTo("测试贸易有限公司");

        jdbc.queryForList("SELECT pg_notify('enterprise_read_model', ?)", enterprise.id());
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(reader.name()).isEqualTo("未通知的名称有限公司"));

        // An ordinary write: the table's trigger announces it.
        jdbc.update("UPDATE enterprise_view SET name = ? WHERE enterprise_id = ?", "另一个节点的名称有限公司",
                enterprise.id());
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(reader.name()).isEqualTo("另一个节点的名称有限公司"));
    }

    @Test
    void after_its_notifications_were_cut_off_a_node_reads_every_view_afresh() {
        Reader reader = enterpriseReadOnce();
        ImportedEnterprise enterprise = reader.enterprise();
        Integer cutOff = await().atMost(Duration.ofSeconds(10)).until(this::listenerPid, pid -> pid != null);

        jdbc.queryForList("SELECT pg_terminate_backend(?)", cutOff);
        await().atMost(Duration.ofSeconds(10)).until(() -> listenerPidOtherThan(cutOff) != null);
        renameUnannounced(enterprise, "断线期间的名称有限公司");

        assertThat(reader.name()).isEqualTo("断线期间的名称有限公司");
    }

    /** The database stops answering without closing the connection, as across a network partition. */
    @Test
    void a_listener_connection_that_went_silent_is_found_dead_and_replaced() throws Exception {
        Integer silent = await().atMost(Duration.ofSeconds(10)).until(this::listenerPid, pid -> pid != null);
        signal("STOP", silent);
        try {
            // Found dead by its next check (every 5 s) waiting out the socket's time-out (10 s), then replaced.
            await().atMost(Duration.ofSeconds(40)).until(() -> listenerPidOtherThan(silent) != null);
        } finally {
            signal("CONT", silent);
            jdbc.queryForList("SELECT pg_terminate_backend(?)", silent);
        }
        await().atMost(Duration.ofSeconds(10)).until(views::keeping);
    }

    private static void signal(String signal, int pid) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, Integer.toString(pid)).start().waitFor()).isZero();
    }

    private record Reader(ImportedEnterprise enterprise, HttpGraphQlTester admin) {
        String name() {
            return admin.documentName("enterprise").variable("id", enterprise.id()).execute()
                    .path("enterprise.name").entity(String.class).get();
        }
    }

    /** A new enterprise, read once by its administrator: the node now keeps its view. */
    private Reader enterpriseReadOnce() {
        await().atMost(Duration.ofSeconds(10)).until(views::keeping);
        GraphQlApi api = api();
        ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        Reader reader = new Reader(enterprise, api.asAdministratorOf(enterprise));
        assertThat(reader.name()).isEqualTo("测试贸易有限公司");
        return reader;
    }

    /** Changes the row with the tables' triggers off for this transaction only: nobody is told. */
    private void renameUnannounced(ImportedEnterprise enterprise, String name) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            connection.setAutoCommit(false);
            try (Statement quiet = connection.createStatement();
                 PreparedStatement rename = connection.prepareStatement(
                         "UPDATE enterprise_view SET name = ? WHERE enterprise_id = ?")) {
                quiet.execute("SET LOCAL session_replication_role = replica");
                rename.setString(1, name);
                rename.setString(2, enterprise.id());
                assertThat(rename.executeUpdate()).isEqualTo(1);
                connection.commit();
            } finally {
                connection.setAutoCommit(true);
            }
            return null;
        });
    }

    private Integer listenerPid() {
        return listenerPidOtherThan(-1);
    }

    private Integer listenerPidOtherThan(int excluded) {
        List<Integer> pids = jdbc.queryForList("SELECT pid FROM pg_stat_activity WHERE application_name = ?"
                + " AND pid <> ?", Integer.class, LISTENER, excluded);
        return pids.isEmpty() ? null : pids.get(0);
    }
}
