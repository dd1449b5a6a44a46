package cn.singlewindow.realname.api;

import static cn.singlewindow.realname.api.GraphQlApi.code;
import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.api.GraphQlApi.ImportedEnterprise;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Manual §2.1 安全退出 and what ends sessions besides: a logout ends its own session only, a password change every
 * other one, a disabled account all of them; and §2.2, what information is still missing.
 */
class SessionsTest extends RunningService {

    private void works(String token) {
        api().as(token).documentName("me").execute().path("me.id").hasValue();
    }

    /** A token whose session ended: 401, with the contract's body. */
    private void ended(String token) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/graphql")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ me { id } }\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
        assertThat(answer.body()).contains("\"code\":\"UNAUTHENTICATED\"", "messageZh");
    }

    @Test
    void a_logout_ends_that_session_at_once_and_no_other() throws Exception {
        GraphQlApi api = api();
        String username = api.registerPersonal("王五");
        String first = api.tokenOf(username, GraphQlApi.PERSONAL_PASSWORD);
        String second = api.tokenOf(username, GraphQlApi.PERSONAL_PASSWORD);
        works(first);
        works(second);

        api.as(first).documentName("logout").execute().path("logout").entity(Boolean.class).isEqualTo(true);
        ended(first);
        works(second);
    }

    @Test
    void a_password_change_ends_every_other_session_and_only_the_new_password_logs_in() throws Exception {
        GraphQlApi api = api();
        String username = api.registerPersonal("赵六");
        String changingToken = api.tokenOf(username, GraphQlApi.PERSONAL_PASSWORD);
        HttpGraphQlTester changing = api.as(changingToken);
        String elsewhere = api.tokenOf(username, GraphQlApi.PERSONAL_PASSWORD);

        changing.documentName("changePassword").variable("input", Map.of("currentPassword", "Wrong-passw0rd",
                "newPassword", "Brand-new-passw0rd")).execute().errors().satisfy(code("BAD_CREDENTIALS"));
        works(elsewhere);
        changing.documentName("changePassword").variable("input", Map.of("currentPassword",
                GraphQlApi.PERSONAL_PASSWORD, "newPassword", "password1")).execute()
                .errors().satisfy(code("VALIDATION_FAILED"));
        changing.documentName("changePassword").variable("input", Map.of("currentPassword",
                GraphQlApi.PERSONAL_PASSWORD, "newPassword", "Brand-new-passw0rd")).execute()
                .path("changePassword").entity(Boolean.class).isEqualTo(true);

        works(changingToken);
        ended(elsewhere);
        api.login(username, GraphQlApi.PERSONAL_PASSWORD).errors().satisfy(code("BAD_CREDENTIALS"));
        works(api.tokenOf(username, "Brand-new-passw0rd"));
    }

    @Test
    void a_disabled_account_loses_its_sessions_and_cannot_log_in_until_enabled_again() throws Exception {
        GraphQlApi api = api();
        ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        String admin = api.tokenOf(enterprise.adminUsername(), enterprise.adminPassword());
        String accountId = GraphQlApi.accountOf(api.as(admin));
        HttpGraphQlTester operations = api.asOperations();

        operations.documentName("setAccountEnabled").variable("input", Map.of("accountId", accountId,
                        "enabled", false, "reason", "冒用举报，暂停使用")).execute()
                .path("setAccountEnabled.enabled").entity(Boolean.class).isEqualTo(false);
        ended(admin);
        api.login(enterprise.adminUsername(), enterprise.adminPassword()).errors().satisfy(code("ACCOUNT_DISABLED"));
        operations.documentName("setAccountEnabled").variable("input", Map.of("accountId", accountId,
                "enabled", false, "reason", "")).execute().errors().satisfy(code("VALIDATION_FAILED"));

        operations.documentName("setAccountEnabled").variable("input", Map.of("accountId", accountId,
                        "enabled", true, "reason", "核实无误")).execute()
                .path("setAccountEnabled.enabled").entity(Boolean.class).isEqualTo(true);
        ended(admin);
        works(api.tokenOf(enterprise.adminUsername(), enterprise.adminPassword()));
        operations.documentName("setAccountEnabled").variable("input", Map.of("accountId",
                        GraphQlApi.accountOf(operations), "enabled", false, "reason", "自己")).execute()
                .errors().satisfy(code("VALIDATION_FAILED"));
    }

    @Test
    void complete_information_shows_nothing_missing_and_a_staff_account_has_none_to_complete() {
        GraphQlApi api = api();
        ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        api.asAdministratorOf(enterprise).document("query q($id: ID!) { enterprise(id: $id) { infoComplete"
                        + " missingFields accounts { infoComplete missingFields enabled } } }")
                .variable("id", enterprise.id()).execute()
                .path("enterprise.infoComplete").entity(Boolean.class).isEqualTo(true)
                .path("enterprise.missingFields").entityList(String.class).hasSize(0)
                .path("enterprise.accounts[0].infoComplete").entity(Boolean.class).isEqualTo(true)
                .path("enterprise.accounts[0].enabled").entity(Boolean.class).isEqualTo(true);
        api.asOperations().document("query { me { infoComplete missingFields } }").execute()
                .path("me.infoComplete").entity(Boolean.class).isEqualTo(true);
    }
}
