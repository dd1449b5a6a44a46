package cn.singlewindow.realname.api;

import static cn.singlewindow.realname.api.GraphQlApi.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * sandboxSeedDemo: each enterprise's story is played through the real commands, so its administrator can sign in and
 * see the outcome, and the auditor sees the attempts in the trail.
 */
class SandboxDemoTest extends RunningService {

    @Test
    void twenty_enterprises_tell_each_story_and_their_administrators_see_the_outcome() {
        GraphQlApi api = api();
        var seeded = api.anonymous().documentName("sandboxSeedDemo").variable("enterprises", 20).execute();
        seeded.path("sandboxSeedDemo.enterprises").entity(Integer.class).isEqualTo(20)
                // Out of twenty: six by the legal representative, two more after a mistyped name, three by IC card,
                // two by bank UKey.
                .path("sandboxSeedDemo.certified").entity(Integer.class).isEqualTo(13)
                // Every enterprise but the two untouched ones made one attempt.
                .path("sandboxSeedDemo.attempts").entity(Integer.class).isEqualTo(18);
        List<String> administrators = seeded.path("sandboxSeedDemo.administrators").entityList(String.class).get();
        assertThat(administrators).hasSize(20).doesNotHaveDuplicates().allMatch(name -> name.startsWith("demo-"));

        methods(api, administrators.get(0), statuses -> assertThat(statuses).containsEntry("LEGAL_REP", "PASSED"));
        methods(api, administrators.get(6), statuses -> assertThat(statuses).containsEntry("IC_CARD", "PASSED"));
        methods(api, administrators.get(9), statuses -> assertThat(statuses).containsEntry("BANK_UKEY", "PASSED"));
        methods(api, administrators.get(11), statuses -> assertThat(statuses).containsEntry("BANK_UKEY", "FAILED"));
        methods(api, administrators.get(12), statuses -> assertThat(statuses).containsEntry("LEGAL_REP", "PASSED"));
        methods(api, administrators.get(15), statuses -> assertThat(statuses).containsEntry("IC_CARD", "FAILED"));
        methods(api, administrators.get(16), statuses -> assertThat(statuses).containsEntry("LEGAL_REP", "PENDING"));
        methods(api, administrators.get(18), statuses -> assertThat(statuses.values())
                .doesNotContain("PASSED", "PENDING", "FAILED"));

        HttpGraphQlTester operations = api.asOperations();
        String auditorName = "demo-auditor" + System.nanoTime() % 1_000_000;
        operations.documentName("createStaffAccount")
                .variable("input", Map.of("username", auditorName, "password", "Audit0r-pass", "role", "AUDITOR"))
                .execute().path("createStaffAccount.id").hasValue();
        HttpGraphQlTester auditor = api.as(api.tokenOf(auditorName, "Audit0r-pass"));
        String notInCtid = enterpriseOf(api, administrators.get(14));
        List<String> reasons = auditor.documentName("auditTrail").variable("enterpriseId", notInCtid).execute()
                .path("auditTrail.edges[*].node.reasonCode").entityList(String.class).get();
        assertThat(reasons).contains("NOT_IN_CTID");
    }

    @Test
    void the_count_has_a_range_and_a_refused_one_imports_nothing() {
        GraphQlApi api = api();
        long enterprises = jdbc.queryForObject("SELECT count(*) FROM enterprise_view", Long.class);
        for (int count : new int[] {0, 201}) {
            api.anonymous().documentName("sandboxSeedDemo").variable("enterprises", count).execute()
                    .errors().satisfy(code("VALIDATION_FAILED"));
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM enterprise_view", Long.class)).isEqualTo(enterprises);
    }

    private static String enterpriseOf(GraphQlApi api, String administrator) {
        return api.as(api.tokenOf(administrator, "Demo-pass1")).documentName("me").execute()
                .path("me.enterprise.id").entity(String.class).get();
    }

    /** Each method's status as the administrator sees it, once the projection has caught up with the demo. */
    private static void methods(GraphQlApi api, String administrator, Consumer<Map<String, String>> expected) {
        HttpGraphQlTester admin = api.as(api.tokenOf(administrator, "Demo-pass1"));
        String enterpriseId = admin.documentName("me").execute().path("me.enterprise.id").entity(String.class).get();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<Map<String, Object>> methods = admin.documentName("enterprise").variable("id", enterpriseId)
                    .execute().path("enterprise.certification.methods")
                    .entityList(new ParameterizedTypeReference<Map<String, Object>>() { }).get();
            Map<String, String> byMethod = new TreeMap<>();
            methods.forEach(row -> byMethod.put((String) row.get("method"), (String) row.get("status")));
            expected.accept(byMethod);
        });
    }
}
