package cn.singlewindow.realname.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.api.GraphQlApi.ImportedEnterprise;
import cn.singlewindow.realname.messages.common.ChinaTime;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Dashboard figures move by exactly what happened (the shared service has other tests' traffic too). */
class StatisticsTest extends RunningService {

    private record Figures(long legalRepStarted, long legalRepFailed, long mismatches) {
    }

    private Figures figures(HttpGraphQlTester analyst, LocalDate today) {
        var response = analyst.documentName("certificationStatistics")
                .variable("from", today.toString()).variable("to", today.toString()).execute();
        List<Map<String, Object>> perDay = response.path("certificationStatistics.perDay")
                .entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .get();
        List<Map<String, Object>> reasons = response.path("certificationStatistics.failureReasons")
                .entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .get();
        Map<String, Object> legalRep = perDay.stream().filter(row -> "LEGAL_REP".equals(row.get("method")))
                .findFirst().orElse(Map.of("started", 0, "failed", 0));
        long mismatches = reasons.stream().filter(row -> "ENTERPRISE_INFO_MISMATCH".equals(row.get("reason")))
                .mapToLong(row -> ((Number) row.get("count")).longValue()).sum();
        return new Figures(((Number) legalRep.get("started")).longValue(),
                ((Number) legalRep.get("failed")).longValue(), mismatches);
    }

    @Test
    void a_started_attempt_and_a_failed_step_are_counted_once_each_for_today() {
        GraphQlApi api = api();
        HttpGraphQlTester operations = api.asOperations();
        String analystName = "analyst" + System.nanoTime() % 1_000_000;
        operations.documentName("createStaffAccount")
                .variable("input", Map.of("username", analystName, "password", "Analyst-pass1", "role", "ANALYST"))
                .execute().path("createStaffAccount.id").hasValue();
        HttpGraphQlTester analyst = api.as(api.tokenOf(analystName, "Analyst-pass1"));
        LocalDate today = ChinaTime.today(Clock.systemUTC());
        Figures before = figures(analyst, today);

        ImportedEnterprise enterprise = api.importEnterprise(operations);
        HttpGraphQlTester admin = api.asAdministratorOf(enterprise);
        String attemptId = admin.documentName("startLegalRepCertification")
                .variable("input", Map.of("enterpriseId", enterprise.id())).execute()
                .path("startLegalRepCertification.id").entity(String.class).get();
        admin.documentName("verifyEnterpriseInfo")
                .variable("input", Map.of("attemptId", attemptId, "enterpriseName", "别的公司",
                        "uscc", enterprise.uscc(), "legalRepName", "张三", "legalRepDocumentType", "RESIDENT_ID_CARD",
                        "legalRepDocumentNumber", "11010519491231002X"))
                .execute().path("verifyEnterpriseInfo.failureCode").entity(String.class)
                .isEqualTo("ENTERPRISE_INFO_MISMATCH");

        Figures after = figures(analyst, today);
        assertThat(after.legalRepStarted()).isEqualTo(before.legalRepStarted() + 1);
        assertThat(after.legalRepFailed()).isEqualTo(before.legalRepFailed() + 1);
        assertThat(after.mismatches()).isEqualTo(before.mismatches() + 1);
    }
}
