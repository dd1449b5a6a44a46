package cn.singlewindow.realname.api;

import static cn.singlewindow.realname.api.GraphQlApi.code;
import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.api.GraphQlApi.ImportedEnterprise;
import cn.singlewindow.realname.messages.enterprise.EnterpriseInfoCorrected;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Manual §2.3 (3) end to end: the registry does not confirm the information, the administrator proves it with files,
 * staff approve, and the enterprise's history says which case changed it.
 */
class CorrectionCaseFlowTest extends RunningService {

    private final ObjectMapper json = new ObjectMapper();

    private WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0xff0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private EntityExchangeResult<byte[]> upload(String token, String caseId, String fileName, byte[] content) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", content).filename(fileName).contentType(MediaType.APPLICATION_OCTET_STREAM);
        return http().post().uri("/correction-cases/{id}/evidence", caseId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(parts.build()))
                .exchange().expectBody().returnResult();
    }

    private JsonNode body(EntityExchangeResult<byte[]> result) throws Exception {
        return json.readTree(result.getResponseBody());
    }

    private String open(HttpGraphQlTester admin, ImportedEnterprise enterprise, String name) {
        return admin.documentName("openCorrectionCase").variable("input", Map.of("enterpriseId", enterprise.id(),
                        "name", name, "uscc", enterprise.uscc(), "explanation", "企业已更名，登记信息尚未同步。"))
                .execute()
                .path("openCorrectionCase.status").entity(String.class).isEqualTo("DRAFT")
                .path("openCorrectionCase.id").entity(String.class).get();
    }

    @Test
    void evidence_judged_by_content_a_submitted_case_and_an_approval_that_corrects_the_enterprise() throws Exception {
        GraphQlApi api = api();
        ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        String adminToken = api.tokenOf(enterprise.adminUsername(), enterprise.adminPassword());
        HttpGraphQlTester admin = api.as(adminToken);
        // The registry does not hold this name: the user could not change it (REGISTRY_MISMATCH).
        admin.documentName("changeEnterpriseInfo").variable("input", Map.of("enterpriseId", enterprise.id(),
                "name", "更正后名称有限公司", "uscc", enterprise.uscc())).execute()
                .errors().satisfy(code("REGISTRY_MISMATCH"));
        String caseId = open(admin, enterprise, "更正后名称有限公司");

        byte[] scan = png();
        EntityExchangeResult<byte[]> stored = upload(adminToken, caseId, "../../etc/营业执照.png", scan);
        assertThat(stored.getStatus().value()).isEqualTo(201);
        JsonNode file = body(stored);
        assertThat(file.path("fileName").asText()).isEqualTo("营业执照.png");
        assertThat(file.path("contentType").asText()).isEqualTo("image/png");
        assertThat(file.path("sha256").asText()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(scan)));

        EntityExchangeResult<byte[]> text = upload(adminToken, caseId, "扫描件.pdf", "not a pdf".getBytes());
        assertThat(text.getStatus().value()).isEqualTo(415);
        assertThat(body(text).path("errors").path(0).path("extensions").path("code").asText())
                .isEqualTo("EVIDENCE_TYPE_NOT_ACCEPTED");
        assertThat(upload(adminToken, caseId, "broken.png", Arrays.copyOf(scan, 40)).getStatus().value())
                .isEqualTo(415);
        ImportedEnterprise stranger = api.importEnterprise(api.asOperations());
        assertThat(upload(api.tokenOf(stranger.adminUsername(), stranger.adminPassword()), caseId, "x.png", scan)
                .getStatus().value()).as("another enterprise's administrator does not see the case").isEqualTo(404);

        admin.documentName("submitCorrectionCase").variable("input", Map.of("caseId", caseId)).execute()
                .path("submitCorrectionCase.status").entity(String.class).isEqualTo("SUBMITTED")
                .path("submitCorrectionCase.evidence[0].fileName").entity(String.class).isEqualTo("营业执照.png");
        EntityExchangeResult<byte[]> late = upload(adminToken, caseId, "more.png", scan);
        assertThat(late.getStatus().value()).isEqualTo(400);
        assertThat(body(late).path("errors").path(0).path("extensions").path("code").asText())
                .isEqualTo("CASE_NOT_DRAFT");

        HttpGraphQlTester operations = api.asOperations();
        operations.documentName("correctionCases").variable("status", "SUBMITTED").variable("first", 100).execute()
                .path("correctionCases.edges[*].node.id").entityList(String.class).contains(caseId);
        String operationsToken = api.tokenOf(GraphQlApi.OPERATIONS_USER, GraphQlApi.OPERATIONS_PASSWORD);
        EntityExchangeResult<byte[]> download = http().get()
                .uri("/correction-cases/{c}/evidence/{e}", caseId, file.path("id").asText())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + operationsToken).exchange()
                .expectStatus().isOk().expectBody().returnResult();
        assertThat(download.getResponseBody()).isEqualTo(scan);
        assertThat(download.getResponseHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        assertThat(download.getResponseHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.getResponseHeaders().getContentDisposition().getType()).isEqualTo("attachment");

        operations.documentName("decideCorrectionCase").variable("input", Map.of("caseId", caseId, "approve", true))
                .execute().path("decideCorrectionCase.status").entity(String.class).isEqualTo("APPROVED");
        admin.documentName("enterprise").variable("id", enterprise.id()).execute()
                .path("enterprise.name").entity(String.class).isEqualTo("更正后名称有限公司");
        assertThat(eventStore.readEvents(enterprise.id(), 0).asStream().map(event -> event.getPayload()).toList())
                .anySatisfy(event -> assertThat(event).isInstanceOfSatisfying(EnterpriseInfoCorrected.class,
                        corrected -> assertThat(corrected.caseId()).isEqualTo(caseId)));
    }

    @Test
    void the_queue_is_oldest_first_a_rejection_says_why_and_a_case_without_evidence_is_not_submitted()
            throws Exception {
        GraphQlApi api = api();
        ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        String adminToken = api.tokenOf(enterprise.adminUsername(), enterprise.adminPassword());
        HttpGraphQlTester admin = api.as(adminToken);
        String first = open(admin, enterprise, "第一个名称有限公司");
        String second = open(admin, enterprise, "第二个名称有限公司");
        admin.documentName("submitCorrectionCase").variable("input", Map.of("caseId", first)).execute()
                .errors().satisfy(code("EVIDENCE_REQUIRED"));
        for (String caseId : new String[] {first, second}) {
            assertThat(upload(adminToken, caseId, "scan.png", png()).getStatus().value()).isEqualTo(201);
            admin.documentName("submitCorrectionCase").variable("input", Map.of("caseId", caseId)).execute()
                    .path("submitCorrectionCase.status").entity(String.class).isEqualTo("SUBMITTED");
        }
        HttpGraphQlTester operations = api.asOperations();
        var queue = operations.documentName("correctionCases").variable("status", "SUBMITTED").variable("first", 100)
                .execute().path("correctionCases.edges[*].node.id").entityList(String.class).get();
        assertThat(queue.indexOf(first)).isLessThan(queue.indexOf(second));

        operations.documentName("decideCorrectionCase").variable("input", Map.of("caseId", second, "approve", false))
                .execute().errors().satisfy(code("VALIDATION_FAILED"));
        operations.documentName("decideCorrectionCase").variable("input", Map.of("caseId", second, "approve", false,
                        "reason", "材料与申请不符")).execute()
                .path("decideCorrectionCase.status").entity(String.class).isEqualTo("REJECTED")
                .path("decideCorrectionCase.reason").entity(String.class).isEqualTo("材料与申请不符");
        admin.documentName("enterprise").variable("id", enterprise.id()).execute()
                .path("enterprise.name").entity(String.class).isEqualTo("测试贸易有限公司");
        operations.documentName("correctionCases").variable("status", "SUBMITTED").variable("after", "k1.broken")
                .execute().errors().satisfy(code("VALIDATION_FAILED"));
    }
}
