package cn.singlewindow.realname.command.account;

import static cn.singlewindow.realname.api.GraphQlApi.code;
import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.api.GraphQlApi;
import cn.singlewindow.realname.api.GraphQlApi.ImportedEnterprise;
import cn.singlewindow.realname.api.RunningService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A user name refused five times in the window is locked for a fixed 15 minutes, which attempts during the lock do
 * not extend; an unknown name is answered exactly as a known one; OPERATIONS may lift a lock. On a service whose
 * address throttle does not get in the way (every test's login comes from 127.0.0.1).
 */
@TestPropertySource(properties = {"realname.embedded-db.data-dir=${realname.data-dir}/pgdata-lockout",
        "realname.login.max-failures-per-address=100000"})
class LoginLockoutTest extends RunningService {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    @Autowired
    LoginLockout lockout;

    @Test
    void the_lock_lasts_a_fixed_time_that_attempts_during_it_do_not_extend() {
        String name = "lock-" + System.nanoTime();
        for (int i = 0; i < 4; i++) {
            assertThat(lockout.recordFailure(name, T0.plusSeconds(i))).isEmpty();
        }
        assertThat(lockout.recordFailure(name, T0.plusSeconds(4))).contains(T0.plusSeconds(4).plus(Duration.ofMinutes(15)));
        // Someone keeps trying every few minutes while it is locked.
        for (int minute = 1; minute < 15; minute += 3) {
            Instant during = T0.plusSeconds(4).plus(Duration.ofMinutes(minute));
            assertThat(lockout.locked(name, during)).isTrue();
            assertThat(lockout.recordFailure(name, during)).isEmpty();
        }
        assertThat(lockout.locked(name, T0.plusSeconds(5).plus(Duration.ofMinutes(15)))).as("over on time").isFalse();
    }

    @Test
    void refusals_spread_beyond_the_window_never_lock() {
        String name = "slow-" + System.nanoTime();
        for (int i = 0; i < 12; i++) {
            assertThat(lockout.recordFailure(name, T0.plus(Duration.ofMinutes(4L * i)))).isEmpty();
        }
    }

    @Test
    void an_unknown_name_is_answered_exactly_as_a_known_one_and_operations_lift_a_lock() {
        GraphQlApi api = api();
        GraphQlApi.ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        String unknown = "nobody" + System.nanoTime() % 1_000_000;
        for (String name : List.of(enterprise.adminUsername(), unknown)) {
            for (int i = 0; i < 5; i++) {
                api.login(name, "Wrong-passw0rd" + i).errors().satisfy(code("BAD_CREDENTIALS"));
            }
            api.login(name, "Wrong-passw0rd").errors().satisfy(code("TOO_MANY_ATTEMPTS"));
        }
        api.login(enterprise.adminUsername(), enterprise.adminPassword()).errors().satisfy(code("TOO_MANY_ATTEMPTS"));

        String accountId = jdbc.queryForObject("SELECT account_id FROM account_view WHERE username = ?", String.class,
                enterprise.adminUsername());
        api.asOperations().documentName("unlockAccount").variable("input", Map.of("accountId", accountId)).execute()
                .path("unlockAccount.id").entity(String.class).isEqualTo(accountId);
        api.login(enterprise.adminUsername(), enterprise.adminPassword()).path("login.token").hasValue();

        List<String> types = eventStore.readEvents(accountId, 0).asStream()
                .map(event -> event.getPayloadType().getSimpleName()).toList();
        assertThat(types).containsSubsequence("LoginRejected", "AccountLocked", "LoginRejected", "AccountUnlocked",
                "AccountLoggedIn");
    }

    @Test
    void user_names_are_unique_without_regard_to_case() {
        GraphQlApi api = api();
        ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        api.asOperations().documentName("createStaffAccount").variable("input", Map.of("username",
                        enterprise.adminUsername().toUpperCase(), "password", "Staff-passw0rd9", "role", "ANALYST"))
                .execute().errors().satisfy(code("USERNAME_TAKEN"));
    }
}
