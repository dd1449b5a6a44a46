package cn.singlewindow.realname.api.bankukey;

import cn.singlewindow.realname.api.common.Commands;
import cn.singlewindow.realname.api.common.ReadYourWrites;
import cn.singlewindow.realname.api.security.Access;
import cn.singlewindow.realname.api.security.Actor;
import cn.singlewindow.realname.cardbridge.bankukey.BankUkeyGateway;
import cn.singlewindow.realname.cardbridge.bankukey.BankUkeySettings;
import cn.singlewindow.realname.cardbridge.bankukey.BankUkeyRequest;
import cn.singlewindow.realname.cardbridge.bankukey.BankUkeyStates;
import cn.singlewindow.realname.messages.card.Bank;
import cn.singlewindow.realname.messages.card.StartBankUkeyCertification;
import cn.singlewindow.realname.messages.certification.CertificationAttemptView;
import cn.singlewindow.realname.messages.certification.FindCertificationAttempt;
import cn.singlewindow.realname.messages.certification.StepResult;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.enterprise.EnterpriseView;
import cn.singlewindow.realname.messages.enterprise.FindEnterprise;
import graphql.GraphQLContext;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Manual §2.5.6: opens a bank UKey attempt and sends the browser to the bank with our signed request. */
@Controller
class BankUkeyController {

    private final Commands commands;
    private final QueryGateway queries;
    private final BankUkeyStates states;
    private final BankUkeyGateway gateway;
    private final Clock clock;
    private final String returnUrlBase;
    private final ReadYourWrites readYourWrites;

    BankUkeyController(Commands commands, QueryGateway queries, BankUkeyStates states, BankUkeyGateway gateway,
                       Clock clock, BankUkeySettings settings,
                       ReadYourWrites readYourWrites) {
        this.readYourWrites = readYourWrites;
        this.commands = commands;
        this.queries = queries;
        this.states = states;
        this.gateway = gateway;
        this.clock = clock;
        this.returnUrlBase = settings.returnUrlBase();
    }

    record StartBankUkeyInput(String enterpriseId, Bank bank) {
    }

    record BankRedirect(String attemptId, String redirectUrl) {
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    CompletableFuture<BankRedirect> startBankUkeyCertification(@Argument StartBankUkeyInput input,
                                                               GraphQLContext context) {
        EnterpriseId enterpriseId = new EnterpriseId(input.enterpriseId());
        Actor administrator = Access.requireAdministratorOf(enterpriseId);
        MetaData origin = commands.origin(context);
        String attemptId = UUID.randomUUID().toString();
        return queries.query(new FindEnterprise(enterpriseId), ResponseTypes.instanceOf(EnterpriseView.class))
                .thenCompose(enterprise -> commands.<StepResult>send(new StartBankUkeyCertification(enterpriseId,
                                attemptId, administrator.accountId(), input.bank()), origin)
                        // The attempt already open through this bank, if there is one: a fresh redirect to it.
                        .thenCompose(started -> readYourWrites.await(new FindCertificationAttempt(started.attemptId()),
                                CertificationAttemptView.class, CertificationAttemptView::version, started.version()))
                        .thenApply(attempt -> {
                            Instant now = clock.instant();
                            String state = states.issue(new BankUkeyStates.Pending(attempt.id(), enterpriseId,
                                    input.bank(), enterprise.uscc()), now);
                            BankUkeyRequest request = new BankUkeyRequest(attempt.id(), enterprise.uscc(), state,
                                    returnUrlBase + "/bank-ukey/callback/" + input.bank().name(),
                                    now.plus(states.ttl()));
                            return new BankRedirect(attempt.id(), gateway.redirectUrl(input.bank(), request));
                        }));
    }
}
