package cn.singlewindow.realname.api;

import static cn.singlewindow.realname.api.EnterpriseLifecycleTest.code;
import static cn.singlewindow.realname.api.GraphQlApi.accountOf;
import static cn.singlewindow.realname.api.GraphQlApi.nameOwner;
import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.api.GraphQlApi.ImportedEnterprise;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The audit trail read from the event store, and the SM3 hash chain that shows whether it was altered. */
class AuditTrailTest extends RunningService {

    private HttpGraphQlTester auditor(GraphQlApi api, HttpGraphQlTester operations) {
        String username = "auditor" + System.nanoTime() % 1_000_000;
        String accountId = operations.documentName("createStaffAccount")
                .variable("input", Map.of("username", username, "password", "Audit0r-pass", "role", "AUDITOR"))
                .execute().path("createStaffAccount.id").entity(String.class).get();
        assertThat(accountId).isEqualTo(jdbc.queryForObject(
                "SELECT account_id FROM account_view WHERE username = ?", String.class, username));
        return api.as(api.tokenOf(username, "Audit0r-pass"));
    }

    private ImportedEnterprise withHistory(GraphQlApi api, HttpGraphQlTester operations) {
        ImportedEnterprise enterprise = api.importEnterprise(operations);
        api.registerNationally(enterprise.uscc(), "审计测试有限公司");
        HttpGraphQlTester admin = api.asAdministratorOf(enterprise);
        admin.documentName("changeEnterpriseInfo")
                .variable("input", Map.of("enterpriseId", enterprise.id(), "name", "审计测试有限公司",
                        "uscc", enterprise.uscc()))
                .execute().path("changeEnterpriseInfo.name").entity(String.class).isEqualTo("审计测试有限公司");
        String attemptId = admin.documentName("startLegalRepCertification")
                .variable("input", Map.of("enterpriseId", enterprise.id())).execute()
                .path("startLegalRepCertification.id").entity(String.class).get();
        admin.documentName("verifyEnterpriseInfo")
                .variable("input", Map.of("attemptId", attemptId, "enterpriseName", "别的公司",
                        "uscc", enterprise.uscc(), "legalRepName", "张三", "legalRepDocumentType", "RESIDENT_ID_CARD",
                        "legalRepDocumentNumber", "11010519491231002X"))
                .execute().path("verifyEnterpriseInfo.failureCode").entity(String.class)
                .isEqualTo("ENTERPRISE_INFO_MISMATCH");
        return enterprise;
    }

    @Test
    void the_trail_shows_every_event_oldest_first_with_who_and_where_and_no_clear_personal_data() {
        GraphQlApi api = api();
        HttpGraphQlTester operations = api.asOperations();
        ImportedEnterprise enterprise = withHistory(api, operations);

        var trail = auditor(api, operations).documentName("auditTrail")
                .variable("enterpriseId", enterprise.id()).execute();
        List<String> types = trail.path("auditTrail.edges[*].node.eventType").entityList(String.class).get();
        assertThat(types).containsSubsequence("LegacyEnterpriseImported", "AccountOpened", "EnterpriseInfoChanged",
                "LegalRepCertificationStarted", "CertificationStepFailed");
        List<String> details = trail.path("auditTrail.edges[*].node.details").entityList(String.class).get();
        assertThat(String.join("\n", details)).doesNotContain("11010519491231002X", "110101199003070011")
                .contains("1101**********002X");
        int failed = types.indexOf("CertificationStepFailed");
        trail.path("auditTrail.edges[" + failed + "].node.reasonCode").entity(String.class)
                .isEqualTo("ENTERPRISE_INFO_MISMATCH")
                .path("auditTrail.edges[" + failed + "].node.outcome").entity(String.class).isEqualTo("FAILED")
                .path("auditTrail.edges[" + failed + "].node.clientAddress").entity(String.class).isEqualTo("127.0.0.1")
                .path("auditTrail.edges[" + failed + "].node.correlationId").hasValue()
                .path("auditTrail.edges[" + failed + "].node.actor").hasValue();
    }

    @Test
    void the_trail_pages_with_its_cursor() {
        GraphQlApi api = api();
        HttpGraphQlTester operations = api.asOperations();
        ImportedEnterprise enterprise = withHistory(api, operations);
        HttpGraphQlTester auditor = auditor(api, operations);
        var first = auditor.documentName("auditTrail").variable("enterpriseId", enterprise.id()).variable("first", 2)
                .execute();
        first.path("auditTrail.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor = first.path("auditTrail.pageInfo.endCursor").entity(String.class).get();
        List<String> all = auditor.documentName("auditTrail").variable("enterpriseId", enterprise.id()).execute()
                .path("auditTrail.edges[*].node.eventType").entityList(String.class).get();
        auditor.documentName("auditTrail").variable("enterpriseId", enterprise.id()).variable("after", cursor)
                .execute().path("auditTrail.edges[*].node.eventType").entityList(String.class)
                .satisfies(rest -> assertThat(rest).isEqualTo(all.subList(2, all.size())));
    }

    @Test
    void an_intact_history_verifies_against_its_chain_and_the_last_signed_checkpoint() {
        GraphQlApi api = api();
        HttpGraphQlTester operations = api.asOperations();
        ImportedEnterprise enterprise = withHistory(api, operations);
        HttpGraphQlTester auditor = auditor(api, operations);

        operations.documentName("takeAuditCheckpoint").execute()
                .path("takeAuditCheckpoint.keyId").entity(String.class).satisfies(id -> assertThat(id).hasSize(64));
        auditor.documentName("verifyAuditChain").variable("enterpriseId", enterprise.id()).execute()
                .path("verifyAuditChain.intact").entity(Boolean.class).isEqualTo(true)
                .path("verifyAuditChain.findings").entityList(Object.class).hasSize(0)
                .path("verifyAuditChain.eventsChecked").entity(Integer.class)
                .satisfies(count -> assertThat(count).isGreaterThanOrEqualTo(5))
                .path("verifyAuditChain.checkpoint.id").hasValue()
                .path("verifyAuditChain.eventsAfterCheckpoint").entity(Integer.class).isEqualTo(0);

        // What comes after the checkpoint is chained, not yet signed: counted as such, still intact.
        api.asAdministratorOf(enterprise).documentName("startLegalRepCertification")
                .variable("input", Map.of("enterpriseId", enterprise.id())).execute()
                .path("startLegalRepCertification.id").hasValue();
        auditor.documentName("verifyAuditChain").variable("enterpriseId", enterprise.id()).execute()
                .path("verifyAuditChain.intact").entity(Boolean.class).isEqualTo(true)
                .path("verifyAuditChain.eventsAfterCheckpoint").entity(Integer.class)
                .satisfies(after -> assertThat(after).isPositive());
    }

    @Test
    void an_enterprise_without_events_is_never_intact() {
        GraphQlApi api = api();
        HttpGraphQlTester operations = api.asOperations();
        auditor(api, operations).documentName("verifyAuditChain")
                .variable("enterpriseId", java.util.UUID.randomUUID().toString()).execute()
                .path("verifyAuditChain.intact").entity(Boolean.class).isEqualTo(false)
                .path("verifyAuditChain.eventsChecked").entity(Integer.class).isEqualTo(0)
                .path("verifyAuditChain.findings[0].kind").entity(String.class).isEqualTo("NO_EVENTS");
    }

    @Test
    void a_cursor_this_service_did_not_make_is_refused_on_its_field() {
        GraphQlApi api = api();
        HttpGraphQlTester operations = api.asOperations();
        ImportedEnterprise enterprise = api.importEnterprise(operations);
        HttpGraphQlTester auditor = auditor(api, operations);
        for (String forged : List.of("1234", "a1.!!!", "a1." + java.util.Base64.getUrlEncoder().encodeToString(
                "1:2:3:x:4|".getBytes(java.nio.charset.StandardCharsets.UTF_8)), "a1.AAAA")) {
            auditor.documentName("auditTrail").variable("enterpriseId", enterprise.id()).variable("after", forged)
                    .execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error ->
                            assertThat(error.getExtensions()).containsEntry("code", "VALIDATION_FAILED")
                                    .containsEntry("field", "after")));
        }
    }

    @Test
    void the_enterprise_as_of_an_instant_shows_its_name_and_certification_of_that_moment() throws Exception {
        GraphQlApi api = api();
        HttpGraphQlTester operations = api.asOperations();
        ImportedEnterprise enterprise = api.importEnterprise(operations);
        java.time.Instant beforeImport = java.time.Instant.now().minusSeconds(60);
        Thread.sleep(20);
        java.time.Instant afterImport = java.time.Instant.now();
        Thread.sleep(20);
        api.registerNationally(enterprise.uscc(), "后来的名称有限公司");
        HttpGraphQlTester admin = api.asAdministratorOf(enterprise);
        admin.documentName("changeEnterpriseInfo")
                .variable("input", Map.of("enterpriseId", enterprise.id(), "name", "后来的名称有限公司",
                        "uscc", enterprise.uscc()))
                .execute().path("changeEnterpriseInfo.name").entity(String.class).isEqualTo("后来的名称有限公司");
        admin.documentName("changeAccountInfo").variable("input", Map.of("accountId", GraphQlApi.accountOf(admin),
                        "ownerName", "李四新", "documentType", "RESIDENT_ID_CARD", "documentNumber", "110101199003070011",
                        "idValidFrom", "20200101", "idValidTo", "20400101")).execute()
                .path("changeAccountInfo.ownerName").entity(String.class).isEqualTo("李四新");
        admin.documentName("startLegalRepCertification")
                .variable("input", Map.of("enterpriseId", enterprise.id())).execute()
                .path("startLegalRepCertification.id").hasValue();
        HttpGraphQlTester auditor = auditor(api, operations);

        auditor.documentName("enterpriseAsOf").variable("id", enterprise.id())
                .variable("at", afterImport.toString()).execute()
                .path("enterpriseAsOf.name").entity(String.class).isEqualTo("测试贸易有限公司")
                .path("enterpriseAsOf.accounts[0].ownerName").entity(String.class).isEqualTo("李四")
                .path("enterpriseAsOf.accounts[0].documentNumber").entity(String.class).isEqualTo("1101**********0011")
                .path("enterpriseAsOf.legalRepresentative.documentNumber").entity(String.class)
                .isEqualTo("1101**********002X")
                .path("enterpriseAsOf.certification.methods[1].status").entity(String.class).isEqualTo("NOT_STARTED");
        auditor.documentName("enterpriseAsOf").variable("id", enterprise.id())
                .variable("at", java.time.Instant.now().toString()).execute()
                .path("enterpriseAsOf.name").entity(String.class).isEqualTo("后来的名称有限公司")
                .path("enterpriseAsOf.accounts[0].ownerName").entity(String.class).isEqualTo("李四新")
                .path("enterpriseAsOf.certification.methods[1].status").entity(String.class).isEqualTo("PENDING")
                .path("enterpriseAsOf.certification.methods[1].currentStep").entity(String.class)
                .isEqualTo("ENTERPRISE_INFO");
        auditor.documentName("enterpriseAsOf").variable("id", enterprise.id())
                .variable("at", beforeImport.toString()).execute()
                .path("enterpriseAsOf").valueIsNull();
    }

    @Test
    void the_chain_stays_whole_after_another_nodes_event_and_an_attempt_that_rolled_back() {
        GraphQlApi api = api();
        HttpGraphQlTester operations = api.asOperations();
        ImportedEnterprise enterprise = api.importEnterprise(operations);
        HttpGraphQlTester admin = api.asAdministratorOf(enterprise);
        String accountId = accountOf(admin);
        nameOwner(admin, accountId, "李四");
        // Another node's event (the last one again), stored outside this node's units of work: this node's cached
        // aggregate is now behind, so its next change fails on the unique key, rolls back and runs once more.
        DomainEventMessage<?> last = eventStore.readEvents(accountId).asStream().reduce((first, next) -> next)
                .orElseThrow();
        eventStore.publish(new GenericDomainEventMessage<>(last.getType(), accountId, last.getSequenceNumber() + 1,
                last.getPayload()));
        long events = eventsOf(accountId);

        nameOwner(admin, accountId, "王五");

        assertThat(eventsOf(accountId)).as("the change stored once, after the other node's event")
                .isEqualTo(events + 1);
        auditor(api, operations).documentName("verifyAuditChain").variable("enterpriseId", enterprise.id())
                .execute().path("verifyAuditChain.intact").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void only_auditors_read_the_trail() {
        GraphQlApi api = api();
        ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        api.asAdministratorOf(enterprise).documentName("auditTrail")
                .variable("enterpriseId", enterprise.id()).execute().errors().satisfy(code("FORBIDDEN"));
        api.asOperations().documentName("verifyAuditChain").variable("enterpriseId", enterprise.id()).execute()
                .errors().satisfy(code("FORBIDDEN"));
    }
}
