package cn.singlewindow.realname.api;

import cn.singlewindow.realname.messages.testing.SampleCodes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Drives the running service over HTTP, as a frontend does. */
public final class GraphQlApi {

    public static final String OPERATIONS_USER = "operations";
    public static final String OPERATIONS_PASSWORD = "ops-sandbox-1";
    private static final AtomicInteger USERNAMES = new AtomicInteger();

    private final HttpGraphQlTester anonymous;

    public GraphQlApi(int port) {
        WebTestClient client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port + "/graphql")
                .responseTimeout(Duration.ofSeconds(30))
                .build();
        this.anonymous = HttpGraphQlTester.create(client);
    }

    public HttpGraphQlTester anonymous() {
        return anonymous;
    }

    public HttpGraphQlTester as(String token) {
        return anonymous.mutate().header("Authorization", "Bearer " + token).build();
    }

    /** A fresh captcha id and its answer, read through the sandbox. */
    public Map<String, String> solvedCaptcha() {
        String captchaId = anonymous.documentName("captcha").execute()
                .path("captcha.id").entity(String.class).get();
        String answer = anonymous.documentName("sandboxCaptchaAnswer").variable("captchaId", captchaId).execute()
                .path("sandboxCaptchaAnswer").entity(String.class).get();
        return Map.of("captchaId", captchaId, "captchaAnswer", answer);
    }

    public GraphQlTester.Response login(String username, String password) {
        Map<String, Object> input = new HashMap<>(solvedCaptcha());
        input.put("username", username);
        input.put("password", password);
        return anonymous.documentName("login").variable("input", input).execute();
    }

    /** A PERSONAL account with a fresh user name and resident ID; answers its user name. */
    public String registerPersonal(String ownerName) {
        String username = "person" + System.nanoTime() % 1_000_000 + "x" + USERNAMES.incrementAndGet();
        Map<String, Object> input = new HashMap<>(solvedCaptcha());
        input.put("username", username);
        input.put("password", PERSONAL_PASSWORD);
        input.put("ownerName", ownerName);
        input.put("documentType", "RESIDENT_ID_CARD");
        input.put("documentNumber", SampleCodes.randomResidentId());
        input.put("idValidFrom", "20200101");
        input.put("idValidTo", "00000000");
        anonymous.documentName("registerPersonalAccount").variable("input", input).execute()
                .path("registerPersonalAccount.role").entity(String.class).isEqualTo("PERSONAL");
        return username;
    }

    public static final String PERSONAL_PASSWORD = "Passw0rd-person";

    public String tokenOf(String username, String password) {
        return login(username, password).path("login.token").entity(String.class).get();
    }

    public HttpGraphQlTester asOperations() {
        return as(tokenOf(OPERATIONS_USER, OPERATIONS_PASSWORD));
    }

    public HttpGraphQlTester asAdministratorOf(ImportedEnterprise enterprise) {
        return as(tokenOf(enterprise.adminUsername(), enterprise.adminPassword()));
    }

    /** A legacy enterprise with a fresh USCC and administrator; answers its id, USCC and the admin's name. */
    public ImportedEnterprise importEnterprise(HttpGraphQlTester operations) {
        String uscc = SampleCodes.randomUscc();
        String username = "admin" + System.nanoTime() % 1_000_000 + "x" + USERNAMES.incrementAndGet();
        String id = operations.documentName("importLegacyEnterprise")
                .variable("input", importInput(uscc, username))
                .execute()
                .path("importLegacyEnterprise.id").entity(String.class).get();
        return new ImportedEnterprise(id, uscc, username, ADMIN_PASSWORD);
    }

    /** Puts the enterprise, under that name, into the sandbox's simulated national registry. */
    public void registerNationally(String uscc, String name) {
        anonymous.documentName("sandboxRegisterEnterprise")
                .variable("input", Map.of("name", name, "uscc", uscc, "legalRepName", "张三",
                        "legalRepDocumentType", "RESIDENT_ID_CARD", "legalRepDocumentNumber", "11010519491231002X"))
                .execute()
                .path("sandboxRegisterEnterprise.status").entity(String.class).isEqualTo("ACTIVE");
    }

    public static final String ADMIN_PASSWORD = "Passw0rd-admin";

    public static Map<String, Object> importInput(String uscc, String adminUsername) {
        return Map.of(
                "name", "测试贸易有限公司",
                "uscc", uscc,
                "legalRepName", "张三",
                "legalRepDocumentType", "RESIDENT_ID_CARD",
                "legalRepDocumentNumber", "11010519491231002X",
                "origin", "LEGACY_INSPECTION",
                "administrator", Map.of(
                        "username", adminUsername,
                        "initialPassword", ADMIN_PASSWORD,
                        "ownerName", "李四",
                        "documentType", "RESIDENT_ID_CARD",
                        "documentNumber", "110101199003070011",
                        "idValidFrom", "20200101",
                        "idValidTo", "20400101"));
    }

    /** The id of the account the tester is logged in as. */
    public static String accountOf(HttpGraphQlTester user) {
        return user.document("query { me { id } }").execute().path("me.id").entity(String.class).get();
    }

    /** Sets the owner's name, keeping the imported owner's document, and checks the mutation's answer shows it. */
    public static void nameOwner(HttpGraphQlTester administrator, String accountId, String ownerName) {
        administrator.documentName("changeAccountInfo")
                .variable("input", Map.of("accountId", accountId, "ownerName", ownerName,
                        "documentType", "RESIDENT_ID_CARD", "documentNumber", "110101199003070011",
                        "idValidFrom", "20200101", "idValidTo", "20400101"))
                .execute()
                .path("changeAccountInfo.ownerName").entity(String.class).isEqualTo(ownerName);
    }

    /** The errors of a refused request: exactly one, with this code. */
    public static java.util.function.Consumer<java.util.List<org.springframework.graphql.ResponseError>> code(
            String expected) {
        return errors -> org.assertj.core.api.Assertions.assertThat(errors).singleElement()
                .satisfies(error -> org.assertj.core.api.Assertions.assertThat(error.getExtensions())
                        .containsEntry("code", expected));
    }

    public record ImportedEnterprise(String id, String uscc, String adminUsername, String adminPassword) {
    }
}
