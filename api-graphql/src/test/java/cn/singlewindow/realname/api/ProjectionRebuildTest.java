package cn.singlewindow.realname.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.certification.StartLegalRepCertification;
import cn.singlewindow.realname.messages.certification.VerifyEnterpriseInfo;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.enterprise.LegalRepresentative;
import cn.singlewindow.realname.messages.enterprise.OrgCode;
import cn.singlewindow.realname.messages.enterprise.Uscc;
import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.testing.SampleCodes;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.ConnectionCallback;

/** Rebuilding every projection from a few thousand events: the check, the repair, and reads meanwhile. */
class ProjectionRebuildTest extends RunningService {

    private static final int ENTERPRISES = 12;
    private static final int ROUNDS = 40;

    @Autowired
    CommandGateway commands;

    private record Enterprise(String id, String uscc, String adminAccountId, String legalRepNumber) {
    }

    @Test
    void a_rebuild_equals_the_live_projections_repairs_a_damaged_row_and_reads_go_on_meanwhile()
            throws InterruptedException {
        GraphQlApi api = api();
        HttpGraphQlTester operations = api.asOperations();
        List<Enterprise> enterprises = new ArrayList<>();
        for (int i = 0; i < ENTERPRISES; i++) {
            enterprises.add(importEnterprise(operations));
        }
        busyHistory(enterprises);
        operations.documentName("erasePersonalData").variable("input", Map.of("documentType", "RESIDENT_ID_CARD",
                        "documentNumber", enterprises.get(0).legalRepNumber(), "reason", "重建测试中的删除请求"))
                .execute().path("erasePersonalData.keysErased").entity(Integer.class).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> operations.documentName("enterprisePersons")
                .variable("id", enterprises.get(0).id()).execute()
                .path("enterprise.legalRepresentative.erased").entity(Boolean.class).isEqualTo(true));
        long events = storedEvents();
        assertThat(events).isGreaterThan(3_000);

        // The first rebuild: everything the live projections hold must come out of the events again.
        // Every node is told once, at the commit, that everything may have changed; no row announces itself.
        List<String> announced = new ArrayList<>();
        GraphQlTester.Response first = listeningToReadModelChanges(announced,
                () -> rebuildAndWait(operations, enterprises.get(1)));
        assertThat(announced).contains("*")
                .doesNotContainAnyElementsOf(enterprises.stream().map(Enterprise::id).toList());
        first.path("replayStatus.projectionsEqual").entity(Boolean.class).isEqualTo(true)
                .path("replayStatus.eventsDone").entity(Long.class)
                .satisfies(done -> assertThat(done).isGreaterThanOrEqualTo(events))
                .path("replayStatus.checks[*].table").entityList(String.class).hasSize(8)
                .path("replayStatus.checks[4].table").entity(String.class).isEqualTo("certification_attempt_view")
                .path("replayStatus.checks[4].rebuiltRows").entity(Long.class)
                .satisfies(rows -> assertThat(rows).isGreaterThanOrEqualTo(ENTERPRISES * ROUNDS));

        // A row damaged behind the projection's back is found by the check and put right by the rebuild.
        Enterprise damaged = enterprises.get(2);
        assertThat(jdbc.update("UPDATE enterprise_view SET name = '被改坏的名称' WHERE enterprise_id = ?",
                damaged.id())).isEqualTo(1);
        GraphQlTester.Response second = rebuildAndWait(operations, enterprises.get(1));
        second.path("replayStatus.projectionsEqual").entity(Boolean.class).isEqualTo(false)
                .path("replayStatus.checks[0].table").entity(String.class).isEqualTo("enterprise_view")
                .path("replayStatus.checks[0].onlyLive").entity(Long.class).isEqualTo(1L)
                .path("replayStatus.checks[0].onlyRebuilt").entity(Long.class).isEqualTo(1L)
                .path("replayStatus.checks[1].onlyLive").entity(Long.class).isEqualTo(0L);
        assertThat(jdbc.queryForObject("SELECT name FROM enterprise_view WHERE enterprise_id = ?", String.class,
                damaged.id())).isEqualTo("测试贸易有限公司");

        // After a rebuild the live processor goes on from where the rebuild stopped: a new change shows up.
        commands.sendAndWait(new StartLegalRepCertification(new EnterpriseId(damaged.id()),
                UUID.randomUUID().toString(), new AccountId(damaged.adminAccountId())));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("SELECT count(*) FROM"
                + " certification_attempt_view WHERE enterprise_id = ?", Long.class, damaged.id()) == ROUNDS + 1);
    }

    /** Starts a rebuild and reads an enterprise over and over until it ends: every read must find it whole. */
    private <T> T listeningToReadModelChanges(List<String> announced, Supplier<T> during) {
        return jdbc.execute((ConnectionCallback<T>) connection -> {
            try (Statement listen = connection.createStatement()) {
                listen.execute("LISTEN enterprise_read_model");
            }
            try {
                T result = during.get();
                PGNotification[] received = connection.unwrap(PGConnection.class).getNotifications(1000);
                for (PGNotification notification : received == null ? new PGNotification[0] : received) {
                    announced.add(notification.getParameter());
                }
                return result;
            } finally {
                try (Statement unlisten = connection.createStatement()) {
                    unlisten.execute("UNLISTEN *");
                }
            }
        });
    }

    private GraphQlTester.Response rebuildAndWait(HttpGraphQlTester operations, Enterprise watched) {
        AtomicBoolean finished = new AtomicBoolean();
        List<String> readsDuringRebuild = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            while (!finished.get()) {
                readsDuringRebuild.add(operations.documentName("enterprise").variable("id", watched.id()).execute()
                        .path("enterprise.uscc").entity(String.class).get());
            }
        });
        operations.documentName("rebuildProjections").execute()
                .path("rebuildProjections.state").entity(String.class).isEqualTo("RUNNING");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() ->
                !"RUNNING".equals(operations.documentName("replayStatus").execute()
                        .path("replayStatus.state").entity(String.class).get()));
        finished.set(true);
        reader.join();
        assertThat(readsDuringRebuild).isNotEmpty().containsOnly(watched.uscc());
        GraphQlTester.Response status = operations.documentName("replayStatus").execute();
        status.path("replayStatus.state").entity(String.class).isEqualTo("SUCCEEDED")
                .path("replayStatus.secondsLeft").entity(Double.class).isEqualTo(0.0);
        double rate = status.path("replayStatus.eventsPerSecond").entity(Double.class).get();
        assertThat(rate).isPositive();
        System.out.printf("Rebuild: %d events at %.0f events/s, %d reads answered meanwhile; checks %s%n",
                status.path("replayStatus.eventsDone").entity(Long.class).get(), rate, readsDuringRebuild.size(),
                status.path("replayStatus.checks").entityList(Map.class).get());
        return status;
    }

    private Enterprise importEnterprise(HttpGraphQlTester operations) {
        String uscc = SampleCodes.randomUscc();
        String legalRepNumber = SampleCodes.randomResidentId();
        Map<String, Object> input = new java.util.HashMap<>(GraphQlApi.importInput(uscc,
                "rebuild" + System.nanoTime() % 1_000_000_000));
        input.put("legalRepDocumentNumber", legalRepNumber);
        GraphQlTester.Response imported = operations.documentName("importLegacyEnterprise")
                .variable("input", input).execute();
        return new Enterprise(imported.path("importLegacyEnterprise.id").entity(String.class).get(), uscc,
                imported.path("importLegacyEnterprise.accounts[0].id").entity(String.class).get(), legalRepNumber);
    }

    /** Per enterprise and round: an attempt that fails step 1 five times (7 events), all enterprises at once. */
    private void busyHistory(List<Enterprise> enterprises) {
        for (int round = 0; round < ROUNDS; round++) {
            List<CompletableFuture<?>> running = new ArrayList<>();
            for (Enterprise enterprise : enterprises) {
                running.add(failedAttempt(enterprise));
            }
            running.forEach(CompletableFuture::join);
        }
    }

    private CompletableFuture<?> failedAttempt(Enterprise enterprise) {
        EnterpriseId id = new EnterpriseId(enterprise.id());
        String attemptId = UUID.randomUUID().toString();
        Uscc uscc = Uscc.of(enterprise.uscc());
        VerifyEnterpriseInfo wrongName = new VerifyEnterpriseInfo(id, attemptId, "别的名称", uscc,
                OrgCode.of(uscc.value().substring(8, 17)),
                new LegalRepresentative("张三", DocumentType.RESIDENT_ID_CARD, enterprise.legalRepNumber()));
        CompletableFuture<?> chain = commands.send(new StartLegalRepCertification(id, attemptId,
                new AccountId(enterprise.adminAccountId())));
        for (int i = 0; i < 5; i++) {
            chain = chain.thenCompose(done -> commands.send(wrongName));
        }
        return chain;
    }
}
