package cn.singlewindow.realname.api.bootstrap;

import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.AccountRole;
import cn.singlewindow.realname.messages.account.CreateStaffAccount;
import cn.singlewindow.realname.messages.common.AuditMetadata;
import cn.singlewindow.realname.messages.common.Password;
import cn.singlewindow.realname.messages.common.Rejection;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Creates the first OPERATIONS account from {@code realname.bootstrap.operations.*} if it does not exist yet,
 * and says where to log in. Only the sandbox profile has a default password. A password the rules refuse stops the
 * start; a command bus that cannot be reached yet (Axon Server still starting) does not: the account is created in
 * the background as soon as it can be.
 */
@Component
class OperationsAccountBootstrap implements ApplicationRunner, DisposableBean {

    static final Duration RETRY = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(OperationsAccountBootstrap.class);

    private final CommandGateway commandGateway;
    private final Environment environment;
    private final String username;
    private final String password;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "operations-account-bootstrap");
        thread.setDaemon(true);
        return thread;
    });

    OperationsAccountBootstrap(CommandGateway commandGateway, Environment environment,
                               BootstrapSettings settings) {
        this.commandGateway = commandGateway;
        this.environment = environment;
        this.username = settings.username();
        this.password = settings.password();
    }

    @Override
    public void run(ApplicationArguments args) {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        if (username.isBlank() || password.isBlank()) {
            log.info("No operations account configured (realname.bootstrap.operations.username/password).");
        } else {
            createIfMissing();
        }
        String graphiql = environment.getProperty("spring.graphql.graphiql.enabled", Boolean.class, false)
                ? ", GraphiQL at http://localhost:" + port + "/graphiql" : "";
        log.info("realname is ready: GraphQL at http://localhost:{}/graphql{}{}.", port, graphiql,
                username.isBlank() ? "" : " (log in with the 'login' mutation as '" + username + "')");
    }

    private void createIfMissing() {
        try {
            create();
        } catch (CommandExecutionException refused) {
            throw refused;
        } catch (RuntimeException unreachable) {
            log.warn("The operations account '{}' cannot be created yet ({}); trying again every {} s.", username,
                    unreachable.getMessage(), RETRY.toSeconds());
            retries.scheduleWithFixedDelay(this::retry, RETRY.toMillis(), RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void retry() {
        try {
            create();
            retries.shutdown();
        } catch (CommandExecutionException refused) {
            log.error("The operations account '{}' is refused: {}", username, refused.getMessage());
            retries.shutdown();
        } catch (RuntimeException unreachable) {
            log.debug("Operations account not created yet: {}", unreachable.getMessage());
        }
    }

    /** Creates the account; an account of that name already there is fine, any other refusal is thrown. */
    private void create() {
        MetaData metaData = MetaData.with(AuditMetadata.ACTOR, AuditMetadata.SYSTEM_ACTOR)
                .and(AuditMetadata.CHANNEL, "BOOTSTRAP");
        try {
            commandGateway.sendAndWait(new CreateStaffAccount(AccountId.create(), username, new Password(password),
                    AccountRole.OPERATIONS), metaData);
            log.info("Created the operations account '{}'.", username);
        } catch (CommandExecutionException failed) {
            boolean exists = failed.getDetails().filter(Rejection.class::isInstance).map(Rejection.class::cast)
                    .map(rejection -> "USERNAME_TAKEN".equals(rejection.code())).orElse(false);
            if (!exists) {
                throw failed;
            }
        }
    }

    @Override
    public void destroy() {
        retries.shutdownNow();
    }
}
