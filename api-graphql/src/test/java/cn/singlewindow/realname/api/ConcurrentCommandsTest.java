package cn.singlewindow.realname.api;

import static cn.singlewindow.realname.api.GraphQlApi.accountOf;
import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.api.GraphQlApi.ImportedEnterprise;
import cn.singlewindow.realname.messages.testing.SampleCodes;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * 64 clients change the same account of one enterprise, or the enterprise itself, at the same instant, each to its
 * own value: every client gets success or CONCURRENT_MODIFICATION, every success is one event, sequence numbers stay
 * contiguous, and what the read side shows is the last event's value: no update lost.
 */
class ConcurrentCommandsTest extends RunningService {

    private static final int CLIENTS = 64;

    @Test
    void sixty_four_conflicting_changes_lose_nothing() throws Exception {
        GraphQlApi api = api();
        ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        HttpGraphQlTester admin = api.asAdministratorOf(enterprise);
        String accountId = accountOf(admin);
        long eventsBefore = eventsOf(accountId);

        List<String> results = atOnce(i -> {
            // From 2040-01-02: the imported owner's card runs to 2040-01-01, and setting a value it already has is
            // no change and records no event.
            String validTo = LocalDate.of(2040, 1, 2).plusDays(i).format(DateTimeFormatter.BASIC_ISO_DATE);
            return admin.documentName("changeAccountInfo")
                    .variable("input", Map.of("accountId", accountId, "ownerName", "李四",
                            "documentType", "RESIDENT_ID_CARD", "documentNumber", "110101199003070011",
                            "idValidFrom", "20200101", "idValidTo", validTo))
                    .execute();
        });

        long successes = successesOf(results);
        List<Long> sequences = contiguousSequences(accountId, eventsBefore + successes);
        String lastStored = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry"
                + " WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1", String.class, accountId);
        String shown = admin.document("query { me { idValidTo } }").execute().path("me.idValidTo")
                .entity(String.class).get();
        assertThat(lastStored).contains("\"idValidTo\":\"" + shown + "\"");
        System.out.printf("64 conflicting changes: %d succeeded, %d CONCURRENT_MODIFICATION, %d events%n",
                successes, CLIENTS - successes, sequences.size());
    }

    /**
     * Each client moves the enterprise to a USCC of its own (registered nationally under the same name). Besides the
     * event stream, the USCC index each move updates in the command's transaction must hold exactly the last event's
     * code: a losing command's move would otherwise survive its own rollback or be lost to a winner's.
     */
    @Test
    void sixty_four_conflicting_enterprise_changes_lose_nothing() throws Exception {
        GraphQlApi api = api();
        ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        HttpGraphQlTester admin = api.asAdministratorOf(enterprise);
        List<String> usccs = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String uscc = SampleCodes.randomUscc();
            api.registerNationally(uscc, "测试贸易有限公司");
            usccs.add(uscc);
        }
        long eventsBefore = eventsOf(enterprise.id());

        List<String> results = atOnce(i -> admin.documentName("changeEnterpriseInfo")
                .variable("input", Map.of("enterpriseId", enterprise.id(), "name", "测试贸易有限公司",
                        "uscc", usccs.get(i)))
                .execute());

        long successes = successesOf(results);
        List<Long> sequences = contiguousSequences(enterprise.id(), eventsBefore + successes);
        String lastStored = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry"
                + " WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1", String.class,
                enterprise.id());
        String shown = admin.documentName("enterprise").variable("id", enterprise.id()).execute()
                .path("enterprise.uscc").entity(String.class).get();
        assertThat(lastStored).contains("\"uscc\":\"" + shown + "\"");
        assertThat(jdbc.queryForList("SELECT uscc FROM enterprise_uscc WHERE enterprise_id = ?", String.class,
                enterprise.id())).containsExactly(shown);
        System.out.printf("64 conflicting enterprise changes: %d succeeded, %d CONCURRENT_MODIFICATION, %d events%n",
                successes, CLIENTS - successes, sequences.size());
    }

    /** Sends the 64 requests at the same instant; each answer is "OK" or its error codes. */
    private static List<String> atOnce(IntFunction<GraphQlTester.Response> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            int client = i;
            outcomes.add(clients.submit(() -> {
                start.await();
                GraphQlTester.Response response = request.apply(client);
                List<String> codes = new ArrayList<>();
                response.errors().satisfy(errors -> errors.forEach(error ->
                        codes.add(String.valueOf(error.getExtensions().get("code")))));
                return codes.isEmpty() ? "OK" : String.join(",", codes);
            }));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get());
        }
        clients.shutdown();
        return results;
    }

    private static long successesOf(List<String> results) {
        assertThat(results).allMatch(result -> result.equals("OK") || result.equals("CONCURRENT_MODIFICATION"));
        long successes = results.stream().filter("OK"::equals).count();
        assertThat(successes).isPositive();
        return successes;
    }

    private List<Long> contiguousSequences(String aggregateId, long expected) {
        List<Long> sequences = jdbc.queryForList("SELECT sequence_number FROM domain_event_entry WHERE"
                + " aggregate_identifier = ? ORDER BY sequence_number", Long.class, aggregateId);
        assertThat(sequences).hasSize((int) expected);
        for (int i = 0; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).isEqualTo(i);
        }
        return sequences;
    }
}
