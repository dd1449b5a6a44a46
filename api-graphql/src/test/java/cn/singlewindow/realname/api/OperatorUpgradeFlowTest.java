package cn.singlewindow.realname.api;

import static cn.singlewindow.realname.api.EnterpriseLifecycleTest.code;
import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.api.GraphQlApi.ImportedEnterprise;
import cn.singlewindow.realname.messages.testing.SampleCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Manual §三 over HTTP, and the §2.4 uniqueness rule under a race between two accounts of one enterprise. */
class OperatorUpgradeFlowTest extends RunningService {

    private String joinAsOperator(GraphQlApi api, ImportedEnterprise enterprise, HttpGraphQlTester admin) {
        String username = api.registerPersonal("赵六");
        String requestId = api.as(api.tokenOf(username, GraphQlApi.PERSONAL_PASSWORD))
                .documentName("requestOperatorUpgrade").variable("input", Map.of("uscc", enterprise.uscc()))
                .execute()
                .path("requestOperatorUpgrade.status").entity(String.class).isEqualTo("PENDING")
                .path("requestOperatorUpgrade.id").entity(String.class).get();
        admin.documentName("decideOperatorUpgrade")
                .variable("input", Map.of("requestId", requestId, "approve", true))
                .execute()
                .path("decideOperatorUpgrade.status").entity(String.class).isEqualTo("APPROVED");
        return username;
    }

    @Test
    void an_approved_personal_account_becomes_an_operator_of_the_enterprise() {
        GraphQlApi api = api();
        ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        HttpGraphQlTester admin = api.asAdministratorOf(enterprise);
        String operator = joinAsOperator(api, enterprise, admin);

        admin.documentName("operatorUpgradeRequests").variable("enterpriseId", enterprise.id()).execute()
                .path("operatorUpgradeRequests[0].status").entity(String.class).isEqualTo("APPROVED")
                .path("operatorUpgradeRequests[0].enterpriseId").entity(String.class).isEqualTo(enterprise.id())
                .path("operatorUpgradeRequests[0].applicant.username").entity(String.class).isEqualTo(operator)
                .path("operatorUpgradeRequests[0].applicant.documentNumber").entity(String.class)
                .satisfies(masked -> assertThat(masked).matches("1101\\*{10}[0-9X]{4}"));
        api.as(api.tokenOf(operator, GraphQlApi.PERSONAL_PASSWORD)).documentName("me").execute()
                .path("me.role").entity(String.class).isEqualTo("OPERATOR")
                .path("me.enterprise.id").entity(String.class).isEqualTo(enterprise.id());
        // Both accounts under the enterprise, by username, owners' numbers masked.
        admin.documentName("enterprisePersons").variable("id", enterprise.id()).execute()
                .path("enterprise.accounts[*].username").entityList(String.class)
                .satisfies(usernames -> assertThat(usernames).hasSize(2).contains(operator).isSorted())
                .path("enterprise.accounts[*].documentNumber").entityList(String.class)
                .satisfies(numbers -> assertThat(numbers).allMatch(masked -> masked.matches("[0-9A-Z]{4}\\*+[0-9X]{4}")));
    }

    @Test
    void a_rejection_carries_its_reason_and_the_applicant_stays_personal() {
        GraphQlApi api = api();
        ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        HttpGraphQlTester admin = api.asAdministratorOf(enterprise);
        String username = api.registerPersonal("钱七");
        HttpGraphQlTester applicant = api.as(api.tokenOf(username, GraphQlApi.PERSONAL_PASSWORD));
        String requestId = applicant.documentName("requestOperatorUpgrade")
                .variable("input", Map.of("uscc", enterprise.uscc())).execute()
                .path("requestOperatorUpgrade.id").entity(String.class).get();

        admin.documentName("decideOperatorUpgrade")
                .variable("input", Map.of("requestId", requestId, "approve", false)).execute()
                .errors().satisfy(code("VALIDATION_FAILED"));
        admin.documentName("decideOperatorUpgrade")
                .variable("input", Map.of("requestId", requestId, "approve", false, "reason", "本企业无此员工"))
                .execute()
                .path("decideOperatorUpgrade.status").entity(String.class).isEqualTo("REJECTED")
                .path("decideOperatorUpgrade.reason").entity(String.class).isEqualTo("本企业无此员工");
        applicant.documentName("me").execute().path("me.role").entity(String.class).isEqualTo("PERSONAL");
    }

    @Test
    void another_enterprises_administrator_can_neither_see_nor_decide_the_request() {
        GraphQlApi api = api();
        HttpGraphQlTester operations = api.asOperations();
        ImportedEnterprise enterprise = api.importEnterprise(operations);
        ImportedEnterprise other = api.importEnterprise(operations);
        HttpGraphQlTester otherAdmin = api.asAdministratorOf(other);
        String username = api.registerPersonal("孙八");
        String requestId = api.as(api.tokenOf(username, GraphQlApi.PERSONAL_PASSWORD))
                .documentName("requestOperatorUpgrade").variable("input", Map.of("uscc", enterprise.uscc()))
                .execute().path("requestOperatorUpgrade.id").entity(String.class).get();

        otherAdmin.documentName("operatorUpgradeRequests").variable("enterpriseId", enterprise.id()).execute()
                .errors().satisfy(code("FORBIDDEN"));
        otherAdmin.documentName("decideOperatorUpgrade")
                .variable("input", Map.of("requestId", requestId, "approve", true)).execute()
                .errors().satisfy(code("FORBIDDEN"));
    }

    @Test
    void two_accounts_of_one_enterprise_racing_for_one_document_number_cannot_both_win() throws Exception {
        GraphQlApi api = api();
        ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        HttpGraphQlTester admin = api.asAdministratorOf(enterprise);
        List<HttpGraphQlTester> racers = new ArrayList<>();
        List<String> accountIds = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            HttpGraphQlTester operator = api.as(api.tokenOf(joinAsOperator(api, enterprise, admin),
                    GraphQlApi.PERSONAL_PASSWORD));
            racers.add(operator);
            accountIds.add(operator.documentName("me").execute().path("me.id").entity(String.class).get());
        }
        String contested = SampleCodes.randomResidentId();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                HttpGraphQlTester racer = racers.get(i);
                String accountId = accountIds.get(i);
                outcomes.add(CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(start);
                    var response = racer.documentName("changeAccountInfo")
                            .variable("input", Map.of("accountId", accountId, "ownerName", "同一人",
                                    "documentType", "RESIDENT_ID_CARD", "documentNumber", contested,
                                    "idValidFrom", "20200101", "idValidTo", "00000000"))
                            .execute();
                    List<String> codes = new ArrayList<>();
                    response.errors().satisfy(errors -> errors.forEach(e ->
                            codes.add(String.valueOf(e.getExtensions().get("code")))));
                    return codes.isEmpty() ? "WON" : String.join(",", codes);
                }, pool));
            }
            start.countDown();
            List<String> results = outcomes.stream().map(CompletableFuture::join).toList();
            assertThat(results).containsExactlyInAnyOrder("WON", "DUPLICATE_DOCUMENT_NUMBER");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
