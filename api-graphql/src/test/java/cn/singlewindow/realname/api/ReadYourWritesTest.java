package cn.singlewindow.realname.api;

import static cn.singlewindow.realname.api.GraphQlApi.accountOf;
import static cn.singlewindow.realname.api.GraphQlApi.nameOwner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.singlewindow.realname.api.GraphQlApi.ImportedEnterprise;
import cn.singlewindow.realname.api.common.ReadYourWrites;
import cn.singlewindow.realname.api.error.ApiRejections;
import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.AccountOwner;
import cn.singlewindow.realname.messages.account.AccountView;
import cn.singlewindow.realname.messages.account.ChangeAccountInfo;
import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.account.FindAccount;
import cn.singlewindow.realname.messages.common.RejectedException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** A mutation waits for its own change in the read model, and never for a version the read model cannot reach. */
class ReadYourWritesTest extends RunningService {

    @Autowired
    MeterRegistry meters;

    @Autowired
    ReadYourWrites readYourWrites;

    @Autowired
    CommandGateway commandGateway;

    @Autowired
    QueryUpdateEmitter updateEmitter;

    @Test
    void setting_what_an_account_already_holds_answers_at_once_even_after_a_login() {
        // The login is an event of the account (its version moves on) that the account's read model does not show.
        HttpGraphQlTester admin = administratorOfNewEnterprise();
        String accountId = accountOf(admin);
        long events = eventsOf(accountId);
        double timeoutsBefore = timeouts();

        nameOwner(admin, accountId, "李四");

        assertThat(eventsOf(accountId)).as("nothing changed, nothing recorded").isEqualTo(events);
        assertThat(timeouts()).as("answered without waiting out the read-your-writes time-out")
                .isEqualTo(timeoutsBefore);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> subscriptionsTo(new FindAccount(new AccountId(accountId))) == 0);
    }

    @Test
    void a_change_applied_by_another_node_is_found_before_the_time_out() throws Exception {
        String accountId = accountOf(administratorOfNewEnterprise());
        long version = jdbc.queryForObject("SELECT version FROM account_view WHERE account_id = ?", Long.class,
                accountId);
        double timeoutsBefore = timeouts();

        CompletableFuture<AccountView> answer = readYourWrites.await(new FindAccount(new AccountId(accountId)),
                AccountView.class, AccountView::version, version + 1);
        Thread.sleep(300);
        // What another node's processor does: the row moves on, and no update is emitted on this node.
        jdbc.update("UPDATE account_view SET version = version + 1 WHERE account_id = ?", accountId);

        assertThat(answer.get(4, TimeUnit.SECONDS).version()).isEqualTo(version + 1);
        assertThat(timeouts()).isEqualTo(timeoutsBefore);
    }

    @Test
    void the_lag_histogram_counts_changes_visible_within_the_100_ms_objective_exactly() {
        HttpGraphQlTester admin = administratorOfNewEnterprise();
        String accountId = accountOf(admin);
        long recordedBefore = lag().count();

        nameOwner(admin, accountId, "王五");

        assertThat(lag().count()).as("the mutation's wait was recorded").isGreaterThan(recordedBefore);
        // Without the objective the nearest buckets are 89.5 and 111.8 ms: p99 <= 100 could only be bounded.
        assertThat(lag().takeSnapshot().histogramCounts())
                .extracting(bucket -> bucket.bucket(TimeUnit.MILLISECONDS))
                .contains(100.0);
    }

    @Test
    void a_checked_change_sees_the_state_before_it_and_answers_with_its_own() throws Exception {
        String accountId = accountOf(administratorOfNewEnterprise());
        FindAccount query = new FindAccount(new AccountId(accountId));
        long versionBefore = jdbc.queryForObject("SELECT version FROM account_view WHERE account_id = ?", Long.class,
                accountId);
        AccountOwner owner = AccountOwner.of("赵六", DocumentType.RESIDENT_ID_CARD, "110101199003070011", "20200101",
                "20400101", LocalDate.now());
        AtomicLong checkedVersion = new AtomicLong(-1);

        AccountView answer = readYourWrites.changeThenAwait(query, AccountView.class, AccountView::version,
                current -> {
                    checkedVersion.set(current.orElseThrow().version());
                    return commandGateway.<Long>send(new ChangeAccountInfo(new AccountId(accountId), owner));
                }).get(5, TimeUnit.SECONDS);

        assertThat(checkedVersion.get()).isEqualTo(versionBefore);
        assertThat(answer.ownerName()).isEqualTo("赵六");
        assertThat(answer.version()).isGreaterThan(versionBefore);
        await().atMost(Duration.ofSeconds(5)).until(() -> subscriptionsTo(query) == 0);
    }

    @Test
    void a_change_refused_by_its_check_sends_nothing_and_leaves_no_subscription() {
        String accountId = accountOf(administratorOfNewEnterprise());
        FindAccount query = new FindAccount(new AccountId(accountId));
        long events = eventsOf(accountId);

        CompletableFuture<AccountView> answer = readYourWrites.changeThenAwait(query, AccountView.class,
                AccountView::version, current -> {
                    throw new RejectedException(ApiRejections.FORBIDDEN);
                });

        assertThatThrownBy(() -> answer.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(RejectedException.class);
        assertThat(eventsOf(accountId)).isEqualTo(events);
        await().atMost(Duration.ofSeconds(5)).until(() -> subscriptionsTo(query) == 0);
    }

    /** Logged in as the administrator of an enterprise imported for the test. */
    private HttpGraphQlTester administratorOfNewEnterprise() {
        GraphQlApi api = api();
        ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        return api.asAdministratorOf(enterprise);
    }

    private long subscriptionsTo(Object query) {
        return updateEmitter.activeSubscriptions().stream().filter(open -> open.getPayload().equals(query)).count();
    }

    private Timer lag() {
        return meters.get("realname.projection.lag").timer();
    }

    private double timeouts() {
        return meters.get("realname.projection.lag.timeouts").counter().count();
    }
}
