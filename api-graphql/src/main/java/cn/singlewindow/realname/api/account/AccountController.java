package cn.singlewindow.realname.api.account;

import cn.singlewindow.realname.api.captcha.Captchas;
import cn.singlewindow.realname.api.common.Commands;
import cn.singlewindow.realname.api.common.ReadYourWrites;
import cn.singlewindow.realname.api.error.ApiRejections;
import cn.singlewindow.realname.api.security.Access;
import cn.singlewindow.realname.api.security.Actor;
import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.AccountOwner;
import cn.singlewindow.realname.messages.account.ChangeAccountInfo;
import cn.singlewindow.realname.messages.account.ChangePassword;
import cn.singlewindow.realname.messages.account.CompleteInformation;
import cn.singlewindow.realname.messages.account.EndSession;
import cn.singlewindow.realname.messages.account.SetAccountEnabled;
import cn.singlewindow.realname.messages.account.UnlockAccount;
import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.account.AccountRole;
import cn.singlewindow.realname.messages.account.AccountView;
import cn.singlewindow.realname.messages.account.AuthenticateAccount;
import cn.singlewindow.realname.messages.account.CreateStaffAccount;
import cn.singlewindow.realname.messages.account.FindAccount;
import cn.singlewindow.realname.messages.account.LoginOutcome;
import cn.singlewindow.realname.messages.account.RegisterPersonalAccount;
import cn.singlewindow.realname.messages.common.ChinaTime;
import cn.singlewindow.realname.messages.common.Password;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.enterprise.EnterpriseView;
import cn.singlewindow.realname.messages.enterprise.FindEnterprises;
import graphql.GraphQLContext;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

@Controller
class AccountController {

    private final Commands commands;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;
    private final Captchas captchas;
    private final SessionOpening sessions;
    private final Clock clock;

    AccountController(Commands commands, QueryGateway queries, ReadYourWrites readYourWrites, Captchas captchas,
                      SessionOpening sessions, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.captchas = captchas;
        this.sessions = sessions;
        this.clock = clock;
    }

    record ChangeAccountInfoInput(String accountId, String ownerName, DocumentType documentType,
                                  String documentNumber, String idValidFrom, String idValidTo) {
    }

    record LoginInput(String username, String password, String captchaId, String captchaAnswer) {
    }

    record RegisterPersonalAccountInput(String username, String password, String captchaId, String captchaAnswer,
                                        String ownerName, DocumentType documentType, String documentNumber,
                                        String idValidFrom, String idValidTo) {
    }

    record CreateStaffAccountInput(String username, String password, AccountRole role) {
    }

    @MutationMapping
    CompletableFuture<SessionOpening.Session> login(@Argument LoginInput input, GraphQLContext context) {
        captchas.verify(input.captchaId(), input.captchaAnswer());
        return commands.<LoginOutcome>send(new AuthenticateAccount(input.username(), new Password(input.password())),
                        context)
                .thenCompose(sessions::open);
    }

    @MutationMapping
    CompletableFuture<AccountView> registerPersonalAccount(@Argument RegisterPersonalAccountInput input,
                                                           GraphQLContext context) {
        AccountOwner owner = AccountOwner.of(input.ownerName(), input.documentType(), input.documentNumber(),
                input.idValidFrom(), input.idValidTo(), ChinaTime.today(clock));
        captchas.verify(input.captchaId(), input.captchaAnswer());
        AccountId accountId = AccountId.create();
        return commands.send(new RegisterPersonalAccount(accountId, input.username(), new Password(input.password()),
                        owner), context)
                .thenCompose(done -> readYourWrites.await(new FindAccount(accountId), AccountView.class,
                        AccountView::version, 0));
    }

    @QueryMapping
    @PreAuthorize("isAuthenticated()")
    CompletableFuture<AccountView> me() {
        return account(Access.actor().accountId());
    }

    @MutationMapping
    @PreAuthorize("hasRole('OPERATIONS')")
    CompletableFuture<AccountView> createStaffAccount(@Argument CreateStaffAccountInput input, GraphQLContext context) {
        AccountId accountId = AccountId.create();
        return commands.send(new CreateStaffAccount(accountId, input.username(), new Password(input.password()),
                        input.role()), context)
                .thenCompose(done -> readYourWrites.await(new FindAccount(accountId), AccountView.class,
                        AccountView::version, 0));
    }

    /** OPERATIONS lifts a login lock before it runs out (a user who proved who they are by other means). */
    @MutationMapping
    @PreAuthorize("hasRole('OPERATIONS')")
    CompletableFuture<AccountView> unlockAccount(@Argument UnlockAccountInput input, GraphQLContext context) {
        AccountId accountId = new AccountId(input.accountId());
        return commands.<Long>send(new UnlockAccount(accountId), context)
                .thenCompose(version -> readYourWrites.await(new FindAccount(accountId), AccountView.class,
                        AccountView::version, version));
    }

    record UnlockAccountInput(String accountId) {
    }

    record ChangePasswordInput(String currentPassword, String newPassword) {
    }

    record SetAccountEnabledInput(String accountId, boolean enabled, String reason) {
    }

    /** Manual §2.1 安全退出: this session ends, on every node. */
    @MutationMapping
    @PreAuthorize("isAuthenticated()")
    CompletableFuture<Boolean> logout(GraphQLContext context) {
        Actor actor = Access.actor();
        return commands.send(new EndSession(actor.accountId(), actor.sessionId(), actor.sessionExpires()), context);
    }

    @MutationMapping
    @PreAuthorize("isAuthenticated()")
    CompletableFuture<Boolean> changePassword(@Argument ChangePasswordInput input, GraphQLContext context) {
        Actor actor = Access.actor();
        return commands.send(new ChangePassword(actor.accountId(), actor.sessionId(),
                new Password(input.currentPassword()), new Password(input.newPassword())), context);
    }

    /** OPERATIONS disables or enables an account; never its own (no one would be left to enable it). */
    @MutationMapping
    @PreAuthorize("hasRole('OPERATIONS')")
    CompletableFuture<AccountView> setAccountEnabled(@Argument SetAccountEnabledInput input, GraphQLContext context) {
        AccountId accountId = new AccountId(input.accountId());
        if (accountId.equals(Access.actor().accountId())) {
            throw new RejectedException(ApiRejections.invalidField("accountId",
                    "An operations account cannot disable or enable itself.", "运维账号不能停用或启用自己的账号。"));
        }
        return commands.<Long>send(new SetAccountEnabled(accountId, input.enabled(), input.reason()), context)
                .thenCompose(version -> readYourWrites.await(new FindAccount(accountId), AccountView.class,
                        AccountView::version, version));
    }

    @SchemaMapping(typeName = "Account", field = "missingFields")
    List<String> missingFields(AccountView account) {
        return CompleteInformation.missing(account);
    }

    @SchemaMapping(typeName = "Account", field = "infoComplete")
    boolean infoComplete(AccountView account) {
        return CompleteInformation.missing(account).isEmpty();
    }

    /** Manual §2.4: the account's own user, or the administrator of its enterprise. */
    @MutationMapping
    @PreAuthorize("isAuthenticated()")
    CompletableFuture<AccountView> changeAccountInfo(@Argument ChangeAccountInfoInput input, GraphQLContext context) {
        AccountId accountId = new AccountId(input.accountId());
        Actor actor = Access.actor();
        MetaData origin = commands.origin(context);
        AccountOwner owner = AccountOwner.of(input.ownerName(), input.documentType(), input.documentNumber(),
                input.idValidFrom(), input.idValidTo(), ChinaTime.today(clock));
        return readYourWrites.changeThenAwait(new FindAccount(accountId), AccountView.class, AccountView::version,
                target -> {
                    if (target.isEmpty() || !mayEdit(actor, target.get())) {
                        throw new RejectedException(ApiRejections.FORBIDDEN);
                    }
                    return commands.<Long>send(new ChangeAccountInfo(accountId, owner), origin);
                });
    }

    private static boolean mayEdit(Actor actor, AccountView target) {
        return actor.accountId().equals(target.id())
                || (actor.role() == AccountRole.ADMINISTRATOR && target.enterpriseId() != null
                && actor.belongsTo(target.enterpriseId()));
    }

    @BatchMapping(typeName = "Account", field = "enterprise")
    Mono<Map<AccountView, EnterpriseView>> enterprise(List<AccountView> accounts) {
        Set<EnterpriseId> ids = accounts.stream().map(AccountView::enterpriseId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return Mono.fromFuture(queries.query(new FindEnterprises(ids),
                        ResponseTypes.multipleInstancesOf(EnterpriseView.class)))
                .map(enterprises -> {
                    Map<EnterpriseId, EnterpriseView> byId = enterprises.stream()
                            .collect(Collectors.toMap(EnterpriseView::id, Function.identity()));
                    Map<AccountView, EnterpriseView> result = new HashMap<>();
                    accounts.forEach(account -> {
                        EnterpriseView enterprise = byId.get(account.enterpriseId());
                        if (enterprise != null) {
                            result.put(account, enterprise);
                        }
                    });
                    return result;
                });
    }

    private CompletableFuture<AccountView> account(AccountId accountId) {
        return queries.query(new FindAccount(accountId), ResponseTypes.optionalInstanceOf(AccountView.class))
                .thenApply(found -> found.orElse(null));
    }
}
