package cn.singlewindow.realname.api;

import static cn.singlewindow.realname.api.EnterpriseLifecycleTest.code;
import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.api.GraphQlApi.ImportedEnterprise;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Manual §2.4 over HTTP. */
class AccountInformationTest extends RunningService {

    private Map<String, Object> input(String accountId, String type, String number, String from, String to) {
        Map<String, Object> input = new HashMap<>();
        input.put("accountId", accountId);
        input.put("ownerName", "王五");
        input.put("documentType", type);
        input.put("documentNumber", number);
        input.put("idValidFrom", from);
        input.put("idValidTo", to);
        return input;
    }

    @Test
    void an_administrator_corrects_the_owner_information_and_sees_it_masked() {
        GraphQlApi api = api();
        ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        String token = api.tokenOf(enterprise.adminUsername(), enterprise.adminPassword());
        HttpGraphQlTester admin = api.as(token);
        String accountId = admin.documentName("me").execute().path("me.id").entity(String.class).get();

        admin.documentName("changeAccountInfo")
                .variable("input", input(accountId, "RESIDENT_ID_CARD", "11010519491231002x", "20150101", "00000000"))
                .execute()
                .path("changeAccountInfo.documentNumber").entity(String.class).isEqualTo("1101**********002X")
                .path("changeAccountInfo.ownerName").entity(String.class).isEqualTo("王五")
                .path("changeAccountInfo.idValidTo").entity(String.class).isEqualTo("00000000");
    }

    @Test
    void invalid_owner_information_is_refused_with_the_rule_that_failed_and_changes_nothing() {
        GraphQlApi api = api();
        ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        HttpGraphQlTester admin = api.asAdministratorOf(enterprise);
        String accountId = admin.documentName("me").execute().path("me.id").entity(String.class).get();
        long before = eventsOf(accountId);

        admin.documentName("changeAccountInfo")
                .variable("input", input(accountId, "RESIDENT_ID_CARD", "110105194912310021", "20150101", "00000000"))
                .execute().errors().satisfy(code("INVALID_DOCUMENT_NUMBER"));
        admin.documentName("changeAccountInfo")
                .variable("input", input(accountId, "PRC_PASSPORT", "K12345678", null, null))
                .execute().errors().satisfy(code("PASSPORT_NOT_PRC"));
        admin.documentName("changeAccountInfo")
                .variable("input", input(accountId, "RESIDENT_ID_CARD", "11010519491231002X", "20000101", "20100101"))
                .execute().errors().satisfy(code("DOCUMENT_EXPIRED"));
        admin.documentName("changeAccountInfo")
                .variable("input", input(accountId, "RESIDENT_ID_CARD", "11010519491231002X", "20200101", "2030-01-01"))
                .execute().errors().satisfy(code("VALIDATION_FAILED"));

        assertThat(eventsOf(accountId)).isEqualTo(before);
    }

    @Test
    void nobody_changes_an_account_of_another_enterprise() {
        GraphQlApi api = api();
        HttpGraphQlTester operations = api.asOperations();
        ImportedEnterprise own = api.importEnterprise(operations);
        ImportedEnterprise other = api.importEnterprise(operations);
        String otherAccount = api.asAdministratorOf(other)
                .documentName("me").execute().path("me.id").entity(String.class).get();

        api.asAdministratorOf(own).documentName("changeAccountInfo")
                .variable("input", input(otherAccount, "RESIDENT_ID_CARD", "11010519491231002X", "20150101",
                        "00000000"))
                .execute().errors().satisfy(code("FORBIDDEN"));
        operations.documentName("changeAccountInfo")
                .variable("input", input(otherAccount, "RESIDENT_ID_CARD", "11010519491231002X", "20150101",
                        "00000000"))
                .execute().errors().satisfy(code("FORBIDDEN"));
    }

    @Test
    void a_change_to_an_account_that_does_not_exist_is_refused() {
        GraphQlApi api = api();
        ImportedEnterprise own = api.importEnterprise(api.asOperations());
        String unknown = UUID.randomUUID().toString();

        api.asAdministratorOf(own).documentName("changeAccountInfo")
                .variable("input", input(unknown, "RESIDENT_ID_CARD", "11010519491231002X", "20150101", "00000000"))
                .execute().errors().satisfy(code("FORBIDDEN"));

        assertThat(eventsOf(unknown)).isZero();
    }
}
