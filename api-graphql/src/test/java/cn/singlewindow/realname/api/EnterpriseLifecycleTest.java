package cn.singlewindow.realname.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.api.GraphQlApi.ImportedEnterprise;
import cn.singlewindow.realname.messages.testing.SampleCodes;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import cn.singlewindow.realname.messages.common.AuditMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The thin path over HTTP: import, log in, change, read back; and the refusals around it. */
class EnterpriseLifecycleTest extends RunningService {

    @Test
    void an_imported_enterprises_administrator_changes_its_name_and_reads_it_back() {
        GraphQlApi api = api();
        ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        HttpGraphQlTester admin = api.asAdministratorOf(enterprise);
        api.registerNationally(enterprise.uscc(), "新名称贸易有限公司");

        admin.documentName("changeEnterpriseInfo")
                .variable("input", Map.of("enterpriseId", enterprise.id(), "name", "新名称贸易有限公司",
                        "uscc", enterprise.uscc()))
                .execute()
                .path("changeEnterpriseInfo.name").entity(String.class).isEqualTo("新名称贸易有限公司");

        GraphQlTester.Response read = admin.documentName("enterprise").variable("id", enterprise.id()).execute();
        read.path("enterprise.name").entity(String.class).isEqualTo("新名称贸易有限公司");
        read.path("enterprise.uscc").entity(String.class).isEqualTo(enterprise.uscc());
        read.path("enterprise.orgCode").entity(String.class).isEqualTo(enterprise.uscc().substring(8, 17));
        read.path("enterprise.origin").entity(String.class).isEqualTo("LEGACY_INSPECTION");
        read.path("enterprise.legalRepresentative.documentNumber").entity(String.class)
                .isEqualTo("1101**********002X");
        read.path("enterprise.certification.securityLevel").entity(String.class).isEqualTo("NONE");
        read.path("enterprise.certification.methods[*].status").entityList(String.class)
                .containsExactly("NOT_STARTED", "NOT_STARTED", "NOT_STARTED");
        read.path("enterprise.accounts[0].username").entity(String.class).isEqualTo(enterprise.adminUsername());
        read.path("enterprise.accounts[0].role").entity(String.class).isEqualTo("ADMINISTRATOR");
        read.path("enterprise.accounts[0].documentNumber").entity(String.class).isEqualTo("1101**********0011");
        read.path("enterprise.accounts[0].enterprise.id").entity(String.class).isEqualTo(enterprise.id());

        admin.documentName("me").execute()
                .path("me.enterprise.name").entity(String.class).isEqualTo("新名称贸易有限公司");
    }

    @Test
    void a_name_the_national_registry_does_not_hold_is_refused_with_the_manuals_advice() {
        GraphQlApi api = api();
        ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        api.asAdministratorOf(enterprise)
                .documentName("changeEnterpriseInfo")
                .variable("input", Map.of("enterpriseId", enterprise.id(), "name", "未登记的名称有限公司",
                        "uscc", enterprise.uscc()))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("code", "REGISTRY_MISMATCH");
                    assertThat((String) error.getExtensions().get("hint")).contains("ADMINISTRATOR_ASSISTED_UPGRADE");
                    assertThat((String) error.getExtensions().get("messageZh")).contains("国家企业信用信息公示系统");
                }));
        // Nothing changed; the refusal is in the enterprise's history, with who asked and from where.
        var events = eventStore.readEvents(enterprise.id(), 0).asStream().toList();
        assertThat(events).hasSize(2);
        assertThat(events.get(1).getPayload()).isInstanceOfSatisfying(
                cn.singlewindow.realname.messages.enterprise.EnterpriseInfoChangeRefused.class, refused -> {
                    assertThat(refused.reasonCode()).isEqualTo("REGISTRY_MISMATCH");
                    assertThat(refused.name()).isEqualTo("未登记的名称有限公司");
                });
        assertThat(events.get(1).getMetaData()).containsKeys(AuditMetadata.ACTOR, AuditMetadata.CLIENT_ADDRESS,
                AuditMetadata.CORRELATION_ID).containsEntry(AuditMetadata.CLIENT_ADDRESS, "127.0.0.1");
        api.asAdministratorOf(enterprise).documentName("enterprise").variable("id", enterprise.id()).execute()
                .path("enterprise.name").entity(String.class).isNotEqualTo("未登记的名称有限公司");
    }

    @Test
    void without_a_token_there_is_no_enterprise_data() {
        GraphQlApi api = api();
        ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        api.anonymous().documentName("enterprise").variable("id", enterprise.id()).execute()
                .errors().satisfy(code("UNAUTHENTICATED"))
                .path("enterprise").valueIsNull();
    }

    @Test
    void an_administrator_can_neither_read_nor_change_another_enterprise() {
        GraphQlApi api = api();
        HttpGraphQlTester operations = api.asOperations();
        ImportedEnterprise own = api.importEnterprise(operations);
        ImportedEnterprise other = api.importEnterprise(operations);
        HttpGraphQlTester admin = api.asAdministratorOf(own);

        admin.documentName("enterprise").variable("id", other.id()).execute()
                .errors().satisfy(code("FORBIDDEN"));
        admin.documentName("changeEnterpriseInfo")
                .variable("input", Map.of("enterpriseId", other.id(), "name", "抢注有限公司", "uscc", other.uscc()))
                .execute()
                .errors().satisfy(code("FORBIDDEN"));
        assertThat(eventsOf(other.id())).isEqualTo(1);
    }

    @Test
    void a_wrong_password_is_refused_and_the_refusal_is_an_event_of_that_account() {
        GraphQlApi api = api();
        ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        api.login(enterprise.adminUsername(), "Wrong-passw0rd").errors().satisfy(code("BAD_CREDENTIALS"));
        api.login("no-such-user", "Wrong-passw0rd").errors().satisfy(code("BAD_CREDENTIALS"));

        Integer refusals = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry e JOIN account_credential c"
                        + " ON c.account_id = e.aggregate_identifier WHERE c.username = ? AND e.payload_type LIKE ?",
                Integer.class, enterprise.adminUsername(), "%.LoginRejected");
        assertThat(refusals).isEqualTo(1);
    }

    @Test
    void after_five_refused_logins_even_the_right_password_is_refused_for_a_while() {
        GraphQlApi api = api();
        ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        for (int i = 0; i < 5; i++) {
            api.login(enterprise.adminUsername(), "Wrong-passw0rd" + i).errors().satisfy(code("BAD_CREDENTIALS"));
        }
        api.login(enterprise.adminUsername(), enterprise.adminPassword()).errors().satisfy(code("TOO_MANY_ATTEMPTS"));
        // Another account from the same address is not affected by this account's lock.
        api.login(GraphQlApi.OPERATIONS_USER, GraphQlApi.OPERATIONS_PASSWORD).path("login.token").hasValue();
    }

    @Test
    void a_captcha_is_a_png_and_answers_only_once() {
        GraphQlApi api = api();
        GraphQlTester.Response captcha = api.anonymous().documentName("captcha").execute();
        String id = captcha.path("captcha.id").entity(String.class).get();
        byte[] png = Base64.getDecoder().decode(captcha.path("captcha.imagePng").entity(String.class).get());
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        String answer = api.anonymous().documentName("sandboxCaptchaAnswer").variable("captchaId", id).execute()
                .path("sandboxCaptchaAnswer").entity(String.class).get();
        Map<String, Object> input = Map.of("username", GraphQlApi.OPERATIONS_USER,
                "password", GraphQlApi.OPERATIONS_PASSWORD, "captchaId", id, "captchaAnswer", answer);

        api.anonymous().documentName("login").variable("input", input).execute()
                .path("login.token").hasValue();
        api.anonymous().documentName("login").variable("input", input).execute()
                .errors().satisfy(code("CAPTCHA_INVALID"));
    }

    @Test
    void an_invalid_uscc_is_a_typed_error_and_stores_nothing() {
        GraphQlApi api = api();
        HttpGraphQlTester operations = api.asOperations();
        long before = allEvents();
        String valid = SampleCodes.randomUscc();
        String corrupted = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        operations.documentName("importLegacyEnterprise")
                .variable("input", GraphQlApi.importInput(corrupted, "someadmin1"))
                .execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).singleElement().satisfies(error -> {
                        assertThat(error.getExtensions()).containsEntry("code", "INVALID_USCC")
                                .containsEntry("field", "uscc")
                                .containsKey("messageZh");
                        assertThat(error.getMessage()).contains("not a valid");
                    });
                });
        assertThat(allEvents()).isEqualTo(before);
    }

    @Test
    void malformed_requests_get_a_typed_validation_error_too() {
        GraphQlApi api = api();
        api.anonymous().document("{ captcha { noSuchField } }").execute()
                .errors().satisfy(code("VALIDATION_FAILED"));
        api.anonymous().document("query { enterprise(id: 42.5) { name } }").execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty().allSatisfy(error -> assertThat(
                        error.getExtensions()).containsEntry("code", "VALIDATION_FAILED").containsKey("messageZh")));
    }

    @Test
    void a_taken_administrator_name_rejects_the_whole_import() {
        GraphQlApi api = api();
        HttpGraphQlTester operations = api.asOperations();
        ImportedEnterprise first = api.importEnterprise(operations);
        String secondUscc = SampleCodes.randomUscc();
        long before = allEvents();

        operations.documentName("importLegacyEnterprise")
                .variable("input", GraphQlApi.importInput(secondUscc, first.adminUsername()))
                .execute()
                .errors().satisfy(code("USERNAME_TAKEN"));

        assertThat(allEvents()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM enterprise_uscc WHERE uscc = ?", Integer.class,
                secondUscc)).isZero();
    }

    @Test
    void only_operations_may_import_and_an_auditor_it_creates_may_read_but_not_import() {
        GraphQlApi api = api();
        HttpGraphQlTester operations = api.asOperations();
        ImportedEnterprise enterprise = api.importEnterprise(operations);
        String auditor = "auditor" + System.nanoTime() % 1_000_000;
        operations.documentName("createStaffAccount")
                .variable("input", Map.of("username", auditor, "password", "Audit0r-pass", "role", "AUDITOR"))
                .execute()
                .path("createStaffAccount.role").entity(String.class).isEqualTo("AUDITOR");

        HttpGraphQlTester asAuditor = api.as(api.tokenOf(auditor, "Audit0r-pass"));
        asAuditor.documentName("enterprise").variable("id", enterprise.id()).execute()
                .path("enterprise.id").entity(String.class).isEqualTo(enterprise.id());
        asAuditor.documentName("enterpriseByUscc").variable("uscc", enterprise.uscc().toLowerCase()).execute()
                .path("enterpriseByUscc.id").entity(String.class).isEqualTo(enterprise.id());
        asAuditor.documentName("enterpriseByUscc").variable("uscc", SampleCodes.randomUscc()).execute()
                .path("enterpriseByUscc").valueIsNull();
        asAuditor.documentName("importLegacyEnterprise")
                .variable("input", GraphQlApi.importInput(SampleCodes.randomUscc(), "sneaky01"))
                .execute()
                .errors().satisfy(code("FORBIDDEN"));
        api.asAdministratorOf(enterprise)
                .documentName("createStaffAccount")
                .variable("input", Map.of("username", "sneaky02", "password", "Sneaky-pass1", "role", "OPERATIONS"))
                .execute()
                .errors().satisfy(code("FORBIDDEN"));
    }

    @Test
    void a_password_longer_than_bcrypt_reads_is_refused_as_invalid_not_an_internal_error() {
        HttpGraphQlTester operations = api().asOperations();
        String username = "longpw" + System.nanoTime() % 1_000_000;
        // 30 characters (within 8 to 64) but 86 bytes in UTF-8: BCrypt would read only the first 72.
        String password = "密码".repeat(14) + "a1";
        operations.documentName("createStaffAccount")
                .variable("input", Map.of("username", username, "password", password, "role", "ANALYST"))
                .execute()
                .errors().satisfy(code("VALIDATION_FAILED"));
        operations.documentName("createStaffAccount")
                .variable("input", Map.of("username", username, "password", "密码".repeat(10) + "a1", "role",
                        "ANALYST"))
                .execute()
                .path("createStaffAccount.role").entity(String.class).isEqualTo("ANALYST");
    }

    @Test
    void every_event_records_who_from_where_and_in_which_request() {
        GraphQlApi api = api();
        String operationsId = api.login(GraphQlApi.OPERATIONS_USER, GraphQlApi.OPERATIONS_PASSWORD)
                .path("login.account.id").entity(String.class).get();
        HttpGraphQlTester operations = api.asOperations().mutate().header("X-Correlation-Id", "audit-test-42").build();
        ImportedEnterprise enterprise = api.importEnterprise(operations);

        List<String> metaData = jdbc.queryForList("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry"
                + " WHERE meta_data IS NOT NULL AND convert_from(meta_data, 'UTF8') LIKE '%audit-test-42%'"
                + " ORDER BY global_index", String.class);
        assertThat(metaData).hasSize(2).allSatisfy(json -> assertThat(json)
                .contains("\"actor\":\"" + operationsId + "\"")
                .contains("\"clientAddress\":\"127.0.0.1\"")
                .contains("\"channel\":\"GRAPHQL\"")
                .contains("\"correlationId\":\"audit-test-42\""));
        assertThat(eventsOf(enterprise.id())).isEqualTo(1);
    }

    private long allEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    static Consumer<List<ResponseError>> code(String expected) {
        return GraphQlApi.code(expected);
    }
}
