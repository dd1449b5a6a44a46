package cn.singlewindow.realname.api.upgrade;

import cn.singlewindow.realname.api.common.Commands;
import cn.singlewindow.realname.api.common.ReadYourWrites;
import cn.singlewindow.realname.api.error.ApiRejections;
import cn.singlewindow.realname.api.security.Access;
import cn.singlewindow.realname.api.security.Actor;
import cn.singlewindow.realname.messages.account.DecideOperatorUpgrade;
import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.account.FindOperatorUpgradeRequest;
import cn.singlewindow.realname.messages.account.FindOperatorUpgradeRequests;
import cn.singlewindow.realname.messages.account.OperatorUpgradeRequestView;
import cn.singlewindow.realname.messages.account.RequestOperatorUpgrade;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.enterprise.Uscc;
import graphql.GraphQLContext;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Manual §三: personal accounts upgraded to enterprise operators with the administrator's approval. */
@Controller
class OperatorUpgradeController {

    private final Commands commands;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;

    OperatorUpgradeController(Commands commands, QueryGateway queries, ReadYourWrites readYourWrites) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    record RequestOperatorUpgradeInput(String uscc) {
    }

    record DecideOperatorUpgradeInput(String requestId, boolean approve, String reason) {
    }

    @MutationMapping
    @PreAuthorize("hasRole('PERSONAL')")
    CompletableFuture<OperatorUpgradeRequestView> requestOperatorUpgrade(@Argument RequestOperatorUpgradeInput input,
                                                                         GraphQLContext context) {
        Actor applicant = Access.actor();
        String requestId = UUID.randomUUID().toString();
        return commands.send(new RequestOperatorUpgrade(applicant.accountId(), requestId, Uscc.of(input.uscc())),
                        context)
                .thenCompose(done -> awaitRequest(requestId, 0));
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    CompletableFuture<OperatorUpgradeRequestView> decideOperatorUpgrade(@Argument DecideOperatorUpgradeInput input,
                                                                        GraphQLContext context) {
        Actor administrator = Access.actor();
        MetaData origin = commands.origin(context);
        return request(input.requestId())
                .thenCompose(request -> {
                    if (request == null || !administrator.belongsTo(request.enterpriseId())) {
                        throw new RejectedException(ApiRejections.FORBIDDEN);
                    }
                    return commands.send(new DecideOperatorUpgrade(request.accountId(), request.id(),
                                    request.enterpriseId(), input.approve(), input.reason()), origin)
                            .thenCompose(done -> awaitRequest(request.id(), request.version() + 1));
                });
    }

    @QueryMapping
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    CompletableFuture<List<OperatorUpgradeRequestView>> operatorUpgradeRequests(@Argument String enterpriseId) {
        EnterpriseId enterprise = new EnterpriseId(enterpriseId);
        Access.requireAdministratorOf(enterprise);
        return queries.query(new FindOperatorUpgradeRequests(enterprise),
                ResponseTypes.multipleInstancesOf(OperatorUpgradeRequestView.class));
    }

    record Applicant(String accountId, String username, String ownerName, DocumentType documentType,
                     String documentNumber) {
    }

    @SchemaMapping(typeName = "OperatorUpgradeRequest", field = "applicant")
    Applicant applicant(OperatorUpgradeRequestView request) {
        return new Applicant(request.accountId().value(), request.username(), request.ownerName(),
                request.documentType(), request.documentNumber());
    }

    private CompletableFuture<OperatorUpgradeRequestView> request(String requestId) {
        return queries.query(new FindOperatorUpgradeRequest(requestId),
                        ResponseTypes.optionalInstanceOf(OperatorUpgradeRequestView.class))
                .thenApply(found -> found.orElse(null));
    }

    private CompletableFuture<OperatorUpgradeRequestView> awaitRequest(String requestId, long version) {
        return readYourWrites.await(new FindOperatorUpgradeRequest(requestId), OperatorUpgradeRequestView.class,
                OperatorUpgradeRequestView::version, version);
    }
}
