package cn.singlewindow.realname.api;

import static cn.singlewindow.realname.api.EnterpriseLifecycleTest.code;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** A mutation repeated with the same Idempotency-Key has one effect, however and whenever it is repeated. */
class IdempotencyTest extends RunningService {

    private String createStaff(HttpGraphQlTester operations, String key, String username) {
        return operations.mutate().header("Idempotency-Key", key).build()
                .documentName("createStaffAccount")
                .variable("input", Map.of("username", username, "password", "Idem-pass-1", "role", "ANALYST"))
                .execute().path("createStaffAccount.id").entity(String.class).get();
    }

    private int accountsNamed(String username) {
        return jdbc.queryForObject("SELECT count(*) FROM account_credential WHERE username = ?", Integer.class,
                username);
    }

    @Test
    void a_repeat_gets_the_first_answer_and_changes_nothing() {
        HttpGraphQlTester operations = api().asOperations();
        String key = UUID.randomUUID().toString();
        String username = "idem" + System.nanoTime() % 1_000_000;
        long eventsBefore = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);

        String first = createStaff(operations, key, username);
        String repeat = createStaff(operations, key, username);

        assertThat(repeat).isEqualTo(first);
        assertThat(accountsNamed(username)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class))
                .isEqualTo(eventsBefore + 1);
        // Without the key the same mutation is a new request, refused as a duplicate user name.
        operations.documentName("createStaffAccount")
                .variable("input", Map.of("username", username, "password", "Idem-pass-1", "role", "ANALYST"))
                .execute().errors().satisfy(code("USERNAME_TAKEN"));
    }

    @Test
    void repeats_sent_at_the_same_moment_all_get_the_one_answer() {
        HttpGraphQlTester operations = api().asOperations();
        String key = UUID.randomUUID().toString();
        String username = "idemrace" + System.nanoTime() % 1_000_000;

        List<CompletableFuture<String>> repeats = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> createStaff(operations, key, username)))
                .toList();

        assertThat(repeats.stream().map(CompletableFuture::join).distinct()).hasSize(1);
        assertThat(accountsNamed(username)).isEqualTo(1);
    }

    @Test
    void a_key_reused_for_another_request_is_refused_and_that_request_does_not_run() {
        HttpGraphQlTester operations = api().asOperations();
        String key = UUID.randomUUID().toString();
        String username = "idemreuse" + System.nanoTime() % 1_000_000;
        createStaff(operations, key, username);

        operations.mutate().header("Idempotency-Key", key).build().documentName("createStaffAccount")
                .variable("input", Map.of("username", username + "b", "password", "Idem-pass-1", "role", "ANALYST"))
                .execute().errors().satisfy(code("IDEMPOTENCY_KEY_REUSED"));
        assertThat(accountsNamed(username + "b")).isZero();
    }

    @Test
    void a_refused_first_request_is_replayed_as_refused() {
        HttpGraphQlTester operations = api().asOperations();
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            operations.mutate().header("Idempotency-Key", key).build().documentName("createStaffAccount")
                    .variable("input", Map.of("username", "x", "password", "Idem-pass-1", "role", "ANALYST"))
                    .execute().errors().satisfy(code("VALIDATION_FAILED"));
        }
    }
}
