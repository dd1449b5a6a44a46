package cn.singlewindow.realname.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.api.GraphQlApi.ImportedEnterprise;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The idle deadline in the running service: scheduled through db-scheduler in the database, fired by it, and the
 * attempt shows EXPIRED without anyone touching it. A service of its own with a 2 s idle timeout.
 */
@TestPropertySource(properties = {
        "realname.certification.attempt-idle-timeout=2s", "db-scheduler.polling-interval=1s"})
class AttemptExpiryTest extends SeparateService {

    @Test
    void an_idle_attempt_expires_by_its_durable_deadline() throws InterruptedException {
        GraphQlApi api = new GraphQlApi(port);
        ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        HttpGraphQlTester admin = api.asAdministratorOf(enterprise);
        String attemptId = admin.documentName("startLegalRepCertification")
                .variable("input", Map.of("enterpriseId", enterprise.id())).execute()
                .path("startLegalRepCertification.id").entity(String.class).get();

        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        String status = "IN_PROGRESS";
        while (!"EXPIRED".equals(status) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(500);
            status = admin.documentName("certificationAttempts").variable("enterpriseId", enterprise.id())
                    .execute().path("certificationAttempts.edges[0].node.status").entity(String.class).get();
        }
        assertThat(status).isEqualTo("EXPIRED");
        admin.documentName("certificationAttempts").variable("enterpriseId", enterprise.id()).execute()
                .path("certificationAttempts.edges[0].node.id").entity(String.class).isEqualTo(attemptId)
                .path("certificationAttempts.edges[0].node.enterpriseId").entity(String.class)
                .isEqualTo(enterprise.id())
                .path("certificationAttempts.edges[0].node.failureCode").entity(String.class)
                .isEqualTo("ATTEMPT_EXPIRED");
        admin.documentName("enterprise").variable("id", enterprise.id()).execute()
                .path("enterprise.certification.methods[1].status").entity(String.class).isEqualTo("FAILED");
    }
}
