package cn.singlewindow.realname.api.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.singlewindow.realname.api.GraphQlApi;
import cn.singlewindow.realname.api.GraphQlApi.ImportedEnterprise;
import cn.singlewindow.realname.api.RunningService;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import reactor.core.publisher.Sinks;

/**
 * The limit in the running service, over HTTP: with every place taken by mutations, a read whose document the node
 * has parsed answers at once, and a mutation waits for a place.
 */
class TakingTurnsTest extends RunningService {

    private static final String READ = "query e($id: ID!) { enterprise(id: $id) { name } }";

    @Autowired
    ConcurrencyLimit limit;

    @Autowired
    MeterRegistry meters;

    @Test
    void with_every_place_taken_a_parsed_read_answers_and_a_mutation_waits_its_turn() throws Exception {
        GraphQlApi api = api();
        ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        HttpGraphQlTester administrator = api.asAdministratorOf(enterprise);
        String accountId = GraphQlApi.accountOf(administrator);
        String name = read(administrator, enterprise);

        List<Sinks.Empty<WebGraphQlResponse>> places = takeEveryPlace();
        CompletableFuture<Void> mutation;
        try {
            assertThat(read(administrator, enterprise)).isEqualTo(name);
            mutation = CompletableFuture.runAsync(() -> GraphQlApi.nameOwner(administrator, accountId, "王轮候"));
            await().atMost(Duration.ofSeconds(5)).until(() -> gauge("realname.http.requests.waiting") == 1);
            assertThat(mutation).isNotDone();
        } finally {
            places.forEach(Sinks.Empty::tryEmitEmpty);
        }
        mutation.get(10, TimeUnit.SECONDS);
        assertThat(gauge("realname.http.requests.running")).isZero();
    }

    private static String read(HttpGraphQlTester user, ImportedEnterprise enterprise) {
        return user.document(READ).variable("id", enterprise.id()).execute()
                .path("enterprise.name").entity(String.class).get();
    }

    /** Mutations that hold their places until the test lets them go. */
    private List<Sinks.Empty<WebGraphQlResponse>> takeEveryPlace() {
        List<Sinks.Empty<WebGraphQlResponse>> places = new ArrayList<>();
        for (int i = 0; i < limit.limit(); i++) {
            Sinks.Empty<WebGraphQlResponse> place = Sinks.empty();
            limit.intercept(ConcurrencyLimitTest.request("mutation { held }"), request -> place.asMono()).subscribe();
            places.add(place);
        }
        assertThat(gauge("realname.http.requests.running")).isEqualTo(limit.limit());
        return places;
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }
}
