package cn.singlewindow.realname.api.certification;

import cn.singlewindow.realname.api.common.Commands;
import cn.singlewindow.realname.api.common.Connection;
import cn.singlewindow.realname.api.common.FollowedSubscription;
import cn.singlewindow.realname.api.common.ReadYourWrites;
import cn.singlewindow.realname.api.error.ApiRejections;
import cn.singlewindow.realname.api.security.Access;
import cn.singlewindow.realname.api.security.Actor;
import cn.singlewindow.realname.messages.account.AccountRole;
import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.account.IdValidity;
import cn.singlewindow.realname.messages.certification.AttemptCursor;
import cn.singlewindow.realname.messages.certification.AttemptPage;
import cn.singlewindow.realname.messages.certification.CertificationAttemptView;
import cn.singlewindow.realname.messages.certification.CertificationOverview;
import cn.singlewindow.realname.messages.certification.FailureReason;
import cn.singlewindow.realname.messages.certification.FindCertificationAttempt;
import cn.singlewindow.realname.messages.certification.FindCertificationAttempts;
import cn.singlewindow.realname.messages.certification.FindCertificationOverview;
import cn.singlewindow.realname.messages.certification.IdentitySubject;
import cn.singlewindow.realname.messages.certification.SendBankCardSmsCode;
import cn.singlewindow.realname.messages.certification.SmsCodeTicket;
import cn.singlewindow.realname.messages.certification.StartLegalRepCertification;
import cn.singlewindow.realname.messages.certification.StartOwnerIdentityVerification;
import cn.singlewindow.realname.messages.certification.StepResult;
import cn.singlewindow.realname.messages.certification.VerifyEnterpriseInfo;
import cn.singlewindow.realname.messages.certification.VerifyIdentityByBankCard;
import cn.singlewindow.realname.messages.certification.VerifyIdentityByIdCard;
import cn.singlewindow.realname.messages.common.ChinaTime;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.enterprise.LegalRepresentative;
import cn.singlewindow.realname.messages.enterprise.OrgCode;
import cn.singlewindow.realname.messages.enterprise.Uscc;
import graphql.GraphQLContext;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/** Manual §2.5.2-§2.5.3 over GraphQL: the legal representative method, its attempts and live status. */
@Controller
class CertificationController {

    private final Commands commands;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    CertificationController(Commands commands, QueryGateway queries, ReadYourWrites readYourWrites, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    record StartInput(String enterpriseId) {
    }

    record EnterpriseInfoInput(String attemptId, String enterpriseName, String uscc, String orgCode,
                               String legalRepName, DocumentType legalRepDocumentType, String legalRepDocumentNumber) {
    }

    record IdCardInput(String attemptId, String name, String idNumber, String idValidFrom, String idValidTo) {
    }

    record SmsInput(String attemptId, IdentitySubject subject, String bankCardNumber, String phone) {
    }

    record BankCardInput(String attemptId, String bankCardNumber, String phone, String smsCode) {
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    CompletableFuture<CertificationAttemptView> startLegalRepCertification(@Argument StartInput input,
                                                                           GraphQLContext context) {
        EnterpriseId enterpriseId = new EnterpriseId(input.enterpriseId());
        Actor administrator = Access.requireAdministratorOf(enterpriseId);
        return commands.<StepResult>send(new StartLegalRepCertification(enterpriseId, UUID.randomUUID().toString(),
                        administrator.accountId()), context)
                .thenCompose(this::awaitAttempt);
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    CompletableFuture<CertificationAttemptView> startOwnerIdentityVerification(@Argument StartInput input,
                                                                               GraphQLContext context) {
        EnterpriseId enterpriseId = new EnterpriseId(input.enterpriseId());
        Actor administrator = Access.requireAdministratorOf(enterpriseId);
        return commands.<StepResult>send(new StartOwnerIdentityVerification(enterpriseId,
                        UUID.randomUUID().toString(), administrator.accountId()), context)
                .thenCompose(this::awaitAttempt);
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    CompletableFuture<CertificationAttemptView> verifyEnterpriseInfo(@Argument EnterpriseInfoInput input,
                                                                     GraphQLContext context) {
        Uscc uscc = Uscc.of(input.uscc());
        OrgCode orgCode = uscc.orgCodeOr(input.orgCode());
        LegalRepresentative legalRep = LegalRepresentative.of(input.legalRepName(), input.legalRepDocumentType(),
                input.legalRepDocumentNumber(), ChinaTime.today(clock));
        String name = input.enterpriseName() == null ? "" : input.enterpriseName().strip();
        return step(input.attemptId(), context, enterpriseId -> new VerifyEnterpriseInfo(enterpriseId,
                input.attemptId(), name, uscc, orgCode, legalRep));
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    CompletableFuture<CertificationAttemptView> verifyLegalRepByIdCard(@Argument IdCardInput input,
                                                                       GraphQLContext context) {
        return byIdCard(IdentitySubject.LEGAL_REP, input, context);
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    CompletableFuture<CertificationAttemptView> verifyAdministratorByIdCard(@Argument IdCardInput input,
                                                                            GraphQLContext context) {
        return byIdCard(IdentitySubject.ADMINISTRATOR, input, context);
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    CompletableFuture<SmsCodeTicket> sendBankCardSmsCode(@Argument SmsInput input, GraphQLContext context) {
        Actor administrator = Access.actor();
        MetaData origin = commands.origin(context);
        return enterpriseOf(input.attemptId(), administrator).thenCompose(enterpriseId ->
                commands.send(new SendBankCardSmsCode(enterpriseId, input.attemptId(), input.subject(),
                        digits(input.bankCardNumber()), digits(input.phone())), origin));
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    CompletableFuture<CertificationAttemptView> verifyLegalRepByBankCard(@Argument BankCardInput input,
                                                                         GraphQLContext context) {
        return byBankCard(IdentitySubject.LEGAL_REP, input, context);
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    CompletableFuture<CertificationAttemptView> verifyAdministratorByBankCard(@Argument BankCardInput input,
                                                                              GraphQLContext context) {
        return byBankCard(IdentitySubject.ADMINISTRATOR, input, context);
    }

    /** Own administrator and AUDITOR staff. */
    @QueryMapping
    @PreAuthorize("isAuthenticated()")
    CompletableFuture<Connection<CertificationAttemptView>> certificationAttempts(@Argument String enterpriseId, @Argument Integer first,
                                                        @Argument String after) {
        EnterpriseId enterprise = new EnterpriseId(enterpriseId);
        Actor actor = Access.actor();
        if (actor.role() != AccountRole.AUDITOR) {
            Access.requireAdministratorOf(actor, enterprise);
        }
        // first's range is the schema's (@range), checked with every input's bounds (InputLimits).
        int size = first == null ? 20 : first;
        return queries.query(new FindCertificationAttempts(enterprise, AttemptCursor.parse(after), size),
                        ResponseTypes.instanceOf(AttemptPage.class))
                .thenApply(page -> Connection.of(page.edges(), page.hasNextPage(), AttemptPage.Edge::cursor,
                        AttemptPage.Edge::node));
    }

    /**
     * The enterprise's overview now, then at every change. Readers as for {@code enterprise(id)}; over WebSocket
     * the caller is the one authenticated at connection_init.
     */
    @SubscriptionMapping
    Flux<CertificationOverview> certificationStatusChanged(@Argument String enterpriseId, GraphQLContext context) {
        EnterpriseId enterprise = new EnterpriseId(enterpriseId);
        Access.requireReaderOf(Access.actor(context), enterprise);
        FollowedSubscription<CertificationOverview, CertificationOverview> subscription = new FollowedSubscription<>(
                queries.subscriptionQuery(new FindCertificationOverview(enterprise),
                        ResponseTypes.instanceOf(CertificationOverview.class),
                        ResponseTypes.instanceOf(CertificationOverview.class)));
        return Flux.concat(subscription.initialResult(), subscription.updates())
                .distinctUntilChanged()
                .doFinally(signal -> subscription.end());
    }

    @SchemaMapping(typeName = "CertificationAttempt", field = "failureMessage")
    String failureMessage(CertificationAttemptView attempt) {
        return attempt.failureCode() == null ? null : FailureReason.of(attempt.failureCode()).message();
    }

    @SchemaMapping(typeName = "CertificationAttempt", field = "failureMessageZh")
    String failureMessageZh(CertificationAttemptView attempt) {
        return attempt.failureCode() == null ? null : FailureReason.of(attempt.failureCode()).messageZh();
    }

    private CompletableFuture<CertificationAttemptView> byIdCard(IdentitySubject subject, IdCardInput input,
                                                                 GraphQLContext context) {
        IdValidity validity = IdValidity.of(input.idValidFrom(), input.idValidTo(), ChinaTime.today(clock));
        String name = input.name() == null ? "" : input.name().strip();
        String number = cn.singlewindow.realname.messages.common.Codes.normalise(input.idNumber());
        return step(input.attemptId(), context, enterpriseId -> new VerifyIdentityByIdCard(enterpriseId,
                input.attemptId(), subject, name, number, validity));
    }

    private CompletableFuture<CertificationAttemptView> byBankCard(IdentitySubject subject, BankCardInput input,
                                                                   GraphQLContext context) {
        return step(input.attemptId(), context, enterpriseId -> new VerifyIdentityByBankCard(enterpriseId,
                input.attemptId(), subject, digits(input.bankCardNumber()), digits(input.phone()), input.smsCode()));
    }

    /** A step of an attempt of the caller's own enterprise; answers the attempt as the step left it. */
    private CompletableFuture<CertificationAttemptView> step(String attemptId, GraphQLContext context,
                                                             Function<EnterpriseId, Object> command) {
        Actor administrator = Access.actor();
        MetaData origin = commands.origin(context);
        return enterpriseOf(attemptId, administrator)
                .thenCompose(enterpriseId -> commands.<StepResult>send(command.apply(enterpriseId), origin))
                .thenCompose(this::awaitAttempt);
    }

    private CompletableFuture<EnterpriseId> enterpriseOf(String attemptId, Actor administrator) {
        return queries.query(new FindCertificationAttempt(attemptId),
                        ResponseTypes.optionalInstanceOf(CertificationAttemptView.class))
                .thenApply(found -> {
                    CertificationAttemptView attempt = found.orElseThrow(() ->
                            new RejectedException(ApiRejections.NOT_FOUND));
                    Access.requireAdministratorOf(administrator, attempt.enterpriseId());
                    return attempt.enterpriseId();
                });
    }

    private CompletableFuture<CertificationAttemptView> awaitAttempt(StepResult result) {
        return readYourWrites.await(new FindCertificationAttempt(result.attemptId()),
                CertificationAttemptView.class, CertificationAttemptView::version, result.version());
    }

    /** Card and phone numbers as typed: spaces and dashes are dropped, full-width digits folded. */
    private static String digits(String raw) {
        return cn.singlewindow.realname.messages.common.Codes.normalise(raw).replace("-", "");
    }
}
