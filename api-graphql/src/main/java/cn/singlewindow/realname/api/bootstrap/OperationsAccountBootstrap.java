package cn.singlewindow.realname.api.bootstrap;

import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.AccountRole;
import cn.singlewindow.realname.messages.account.CreateStaffAccount;
import cn.singlewindow.realname.messages.common.AuditMetadata;
import cn.singlewindow.realname.messages.common.Password;
import cn.singlewindow.realname.messages.common.Rejection;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Creates the first OPERATIONS account from {@code realname.bootstrap.operations.*} if it does not exist yet,
 * and says where to log in. Only the sandbox profile has a default password.
 */
@Component
class OperationsAccountBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OperationsAccountBootstrap.class);

    private final CommandGateway commandGateway;
    private final Environment environment;
    private final String username;
    private final String password;

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
}
