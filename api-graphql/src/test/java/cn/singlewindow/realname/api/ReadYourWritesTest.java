package cn.singlewindow.realname.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.api.GraphQlApi.ImportedEnterprise;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** A mutation waits for its own change in the read model, and never for a version the read model cannot reach. */
class ReadYourWritesTest extends RunningService {

    @Autowired
    MeterRegistry meters;

    @Test
    void setting_what_an_account_already_holds_answers_at_once_even_after_a_login() {
        GraphQlApi api = api();
        ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        // The login is an event of the account (its version moves on) that the account's read model does not show.
        HttpGraphQlTester admin = api.asAdministratorOf(enterprise);
        String accountId = admin.document("query { me { id } }").execute().path("me.id").entity(String.class).get();
        long events = eventsOf(accountId);
        double timeoutsBefore = timeouts();

        admin.documentName("changeAccountInfo")
                .variable("input", Map.of("accountId", accountId, "ownerName", "李四",
                        "documentType", "RESIDENT_ID_CARD", "documentNumber", "110101199003070011",
                        "idValidFrom", "20200101", "idValidTo", "20400101"))
                .execute()
                .path("changeAccountInfo.ownerName").entity(String.class).isEqualTo("李四");

        assertThat(eventsOf(accountId)).as("nothing changed, nothing recorded").isEqualTo(events);
        assertThat(timeouts()).as("answered without waiting out the read-your-writes time-out")
                .isEqualTo(timeoutsBefore);
    }

    private double timeouts() {
        return meters.get("realname.projection.lag.timeouts").counter().count();
    }
}
