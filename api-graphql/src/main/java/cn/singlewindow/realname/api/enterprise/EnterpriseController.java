package cn.singlewindow.realname.api.enterprise;

import cn.singlewindow.realname.api.common.Commands;
import cn.singlewindow.realname.api.common.ReadYourWrites;
import cn.singlewindow.realname.api.enterprise.EnterpriseInputs.ChangeEnterpriseInfoInput;
import cn.singlewindow.realname.api.enterprise.EnterpriseInputs.ImportLegacyEnterpriseInput;
import cn.singlewindow.realname.api.security.Access;
import cn.singlewindow.realname.messages.account.AccountView;
import cn.singlewindow.realname.messages.account.CompleteInformation;
import cn.singlewindow.realname.messages.account.FindAccount;
import cn.singlewindow.realname.messages.account.FindAccountsOfEnterprises;
import cn.singlewindow.realname.messages.certification.CertificationOverview;
import cn.singlewindow.realname.messages.certification.EnterpriseCertification;
import cn.singlewindow.realname.messages.certification.FindCertificationOverviews;
import cn.singlewindow.realname.messages.enterprise.ChangeEnterpriseInfo;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.enterprise.EnterpriseView;
import cn.singlewindow.realname.messages.enterprise.FindEnterprise;
import cn.singlewindow.realname.messages.enterprise.FindEnterpriseByUscc;
import cn.singlewindow.realname.messages.enterprise.Uscc;
import cn.singlewindow.realname.messages.enterprise.ImportLegacyEnterprise;
import cn.singlewindow.realname.messages.enterprise.LegacyImportResult;
import cn.singlewindow.realname.messages.common.ChinaTime;
import graphql.GraphQLContext;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

@Controller
class EnterpriseController {

    private final Commands commands;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    EnterpriseController(Commands commands, QueryGateway queries, ReadYourWrites readYourWrites, Clock clock,
                         BatchLoaderRegistry loaders) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
        loaders.forTypePair(EnterpriseId.class, CertificationOverview.class).withName(CertificationField.OVERVIEWS)
                .registerMappedBatchLoader((ids, env) -> Mono.fromFuture(queries.query(
                                new FindCertificationOverviews(ids),
                                ResponseTypes.multipleInstancesOf(EnterpriseCertification.class)))
                        .map(found -> found.stream().collect(Collectors.toMap(EnterpriseCertification::enterpriseId,
                                EnterpriseCertification::overview))));
    }

    @QueryMapping
    @PreAuthorize("isAuthenticated()")
    CompletableFuture<EnterpriseView> enterprise(@Argument String id) {
        EnterpriseId enterpriseId = new EnterpriseId(id);
        Access.requireReaderOf(enterpriseId);
        return queries.query(new FindEnterprise(enterpriseId), ResponseTypes.optionalInstanceOf(EnterpriseView.class))
                .thenApply(found -> found.orElse(null));
    }

    /** Staff who look enterprises up: OPERATIONS and AUDITOR (ANALYST sees statistics only). */
    @QueryMapping
    @PreAuthorize("hasAnyRole('OPERATIONS', 'AUDITOR')")
    CompletableFuture<EnterpriseView> enterpriseByUscc(@Argument String uscc) {
        return queries.query(new FindEnterpriseByUscc(Uscc.of(uscc)),
                        ResponseTypes.optionalInstanceOf(EnterpriseView.class))
                .thenApply(found -> found.orElse(null));
    }

    @MutationMapping
    @PreAuthorize("hasRole('OPERATIONS')")
    CompletableFuture<EnterpriseView> importLegacyEnterprise(@Argument ImportLegacyEnterpriseInput input,
                                                             GraphQLContext context) {
        ImportLegacyEnterprise command = input.toCommand(ChinaTime.today(clock));
        return commands.<LegacyImportResult>send(command, context).thenCompose(result ->
                result.outcome() == LegacyImportResult.Outcome.UNCHANGED
                        // Imported before with the same data: that enterprise, as it is.
                        ? readYourWrites.await(new FindEnterprise(result.enterpriseId()), EnterpriseView.class,
                                EnterpriseView::version, 0)
                        // The administrator's account is projected after its enterprise (same sequence), so once it
                        // shows, both do.
                        : readYourWrites.await(new FindAccount(command.administrator().accountId()),
                                        AccountView.class, AccountView::version, 0)
                                .thenCompose(account -> readYourWrites.await(new FindEnterprise(command.enterpriseId()),
                                        EnterpriseView.class, EnterpriseView::version, 0)));
    }

    @MutationMapping
    @PreAuthorize("isAuthenticated()")
    CompletableFuture<EnterpriseView> changeEnterpriseInfo(@Argument ChangeEnterpriseInfoInput input,
                                                           GraphQLContext context) {
        ChangeEnterpriseInfo command = input.toCommand();
        Access.requireAdministratorOf(command.enterpriseId());
        return commands.<Long>send(command, context)
                .thenCompose(version -> readYourWrites.await(new FindEnterprise(command.enterpriseId()),
                        EnterpriseView.class, EnterpriseView::version, version));
    }

    @SchemaMapping(typeName = "Enterprise", field = "missingFields")
    List<String> missingFields(EnterpriseView enterprise) {
        return CompleteInformation.missing(enterprise);
    }

    @SchemaMapping(typeName = "Enterprise", field = "infoComplete")
    boolean infoComplete(EnterpriseView enterprise) {
        return CompleteInformation.missing(enterprise).isEmpty();
    }

    /** The accounts now, in one query for every enterprise of the answer; a view of the past brings its own. */
    @BatchMapping(typeName = "Enterprise", field = "accounts")
    Mono<Map<EnterpriseView, List<AccountView>>> accounts(List<EnterpriseView> enterprises) {
        Map<EnterpriseView, List<AccountView>> asOf = new HashMap<>();
        enterprises.stream().filter(view -> view.accountsAsOf() != null)
                .forEach(view -> asOf.put(view, view.accountsAsOf()));
        if (asOf.size() == enterprises.size()) {
            return Mono.just(asOf);
        }
        Map<EnterpriseId, EnterpriseView> byId = enterprises.stream().filter(view -> view.accountsAsOf() == null)
                .collect(Collectors.toMap(EnterpriseView::id, Function.identity(), (a, b) -> a));
        return Mono.fromFuture(queries.query(new FindAccountsOfEnterprises(byId.keySet()),
                        ResponseTypes.multipleInstancesOf(AccountView.class)))
                .map(accounts -> {
                    Map<EnterpriseView, List<AccountView>> grouped = accounts.stream()
                            .collect(Collectors.groupingBy(account -> byId.get(account.enterpriseId())));
                    enterprises.forEach(enterprise -> grouped.putIfAbsent(enterprise, List.of()));
                    grouped.putAll(asOf);
                    return grouped;
                });
    }
}
