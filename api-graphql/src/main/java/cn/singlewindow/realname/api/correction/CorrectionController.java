package cn.singlewindow.realname.api.correction;

import cn.singlewindow.realname.api.common.Commands;
import cn.singlewindow.realname.api.common.Connection;
import cn.singlewindow.realname.api.common.ReadYourWrites;
import cn.singlewindow.realname.api.security.Access;
import cn.singlewindow.realname.api.security.Actor;
import cn.singlewindow.realname.messages.certification.CertificationOverview;
import cn.singlewindow.realname.messages.certification.FindCertificationOverview;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.common.Rejection;
import cn.singlewindow.realname.messages.correction.CorrectionCasePage;
import cn.singlewindow.realname.messages.correction.CorrectionCaseView;
import cn.singlewindow.realname.messages.correction.CorrectionCursor;
import cn.singlewindow.realname.messages.correction.CorrectionStatus;
import cn.singlewindow.realname.messages.correction.DecideCorrectionCase;
import cn.singlewindow.realname.messages.correction.FindCorrectionCase;
import cn.singlewindow.realname.messages.correction.FindCorrectionCases;
import cn.singlewindow.realname.messages.correction.OpenCorrectionCase;
import cn.singlewindow.realname.messages.correction.SubmitCorrectionCase;
import cn.singlewindow.realname.messages.enterprise.CorrectEnterpriseInfo;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.enterprise.OrgCode;
import cn.singlewindow.realname.messages.enterprise.Uscc;
import graphql.GraphQLContext;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Manual §2.3 (3), correction with evidence: the administrator opens a case with the information the registry does
 * not confirm and why, adds files (CorrectionEvidenceController), submits; OPERATIONS works the queue oldest first
 * and decides. An approval first corrects the enterprise's information through a command carrying the case's id
 * (so its history says why), then records the decision: were the decision to fail after that, deciding again finds
 * the information corrected already and records it.
 */
@Controller
class CorrectionController {

    private static final int DEFAULT_PAGE = 20;
    static final Rejection INFORMATION_VERIFIED = Rejection.of("NOT_APPLICABLE",
            "A certification method has verified the enterprise's information; it is not corrected any more.",
            "企业信息已通过实名认证核验，不能再申请更正。");

    private final Commands commands;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;

    CorrectionController(Commands commands, QueryGateway queries, ReadYourWrites readYourWrites) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    record OpenInput(String enterpriseId, String name, String uscc, String orgCode, String explanation) {
    }

    record CaseInput(String caseId) {
    }

    record DecideInput(String caseId, boolean approve, String reason) {
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    CompletableFuture<CorrectionCaseView> openCorrectionCase(@Argument OpenInput input, GraphQLContext context) {
        EnterpriseId enterpriseId = new EnterpriseId(input.enterpriseId());
        Actor administrator = Access.requireAdministratorOf(enterpriseId);
        Uscc uscc = Uscc.of(input.uscc());
        OrgCode orgCode = uscc.orgCodeOr(input.orgCode());
        MetaData origin = commands.origin(context);
        String caseId = UUID.randomUUID().toString();
        return queries.query(new FindCertificationOverview(enterpriseId),
                        ResponseTypes.instanceOf(CertificationOverview.class))
                .thenCompose(overview -> {
                    if (overview.enterpriseInfoVerified()) {
                        throw new RejectedException(INFORMATION_VERIFIED);
                    }
                    return commands.send(new OpenCorrectionCase(caseId, enterpriseId, administrator.accountId(),
                            input.name(), uscc, orgCode, input.explanation()), origin);
                })
                .thenCompose(opened -> await(caseId, 0));
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    CompletableFuture<CorrectionCaseView> submitCorrectionCase(@Argument CaseInput input, GraphQLContext context) {
        Actor administrator = Access.actor();
        MetaData origin = commands.origin(context);
        return visible(input.caseId(), administrator)
                .thenCompose(correction -> commands.<Long>send(new SubmitCorrectionCase(correction.id(),
                        administrator.accountId()), origin))
                .thenCompose(version -> await(input.caseId(), version));
    }

    @MutationMapping
    @PreAuthorize("hasRole('OPERATIONS')")
    CompletableFuture<CorrectionCaseView> decideCorrectionCase(@Argument DecideInput input, GraphQLContext context) {
        Actor staff = Access.actor();
        MetaData origin = commands.origin(context);
        return visible(input.caseId(), staff).thenCompose(correction -> {
            if (correction.status() != CorrectionStatus.SUBMITTED) {
                throw new RejectedException(Rejection.of("CASE_NOT_SUBMITTED", "Only a submitted case is decided.",
                        "只有已提交的更正申请才能审核。"));
            }
            CompletableFuture<Object> corrected = input.approve()
                    ? commands.send(new CorrectEnterpriseInfo(correction.enterpriseId(), correction.id(),
                    correction.requested().name(), Uscc.of(correction.requested().uscc()),
                    OrgCode.of(correction.requested().orgCode())), origin)
                    : CompletableFuture.completedFuture(null);
            return corrected.thenCompose(done -> commands.<Long>send(new DecideCorrectionCase(correction.id(),
                    input.approve(), input.reason(), staff.accountId()), origin));
        }).thenCompose(version -> await(input.caseId(), version));
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('OPERATIONS', 'AUDITOR')")
    CompletableFuture<Connection<CorrectionCaseView>> correctionCases(@Argument CorrectionStatus status, @Argument Integer first,
                                                 @Argument String after) {
        CorrectionCursor cursor = CorrectionCursor.parse(after);
        return queries.query(new FindCorrectionCases(status, first == null ? DEFAULT_PAGE : first, cursor),
                        ResponseTypes.instanceOf(CorrectionCasePage.class))
                .thenApply(page -> Connection.of(page.edges(), page.hasNextPage(), CorrectionCasePage.Edge::cursor,
                        CorrectionCasePage.Edge::node));
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OPERATIONS', 'AUDITOR')")
    CompletableFuture<CorrectionCaseView> correctionCase(@Argument String id) {
        return visible(id, Access.actor());
    }

    /** The case, when the actor may see it; a case of someone else's is answered as no case. */
    private CompletableFuture<CorrectionCaseView> visible(String caseId, Actor actor) {
        return queries.query(new FindCorrectionCase(caseId), ResponseTypes.optionalInstanceOf(CorrectionCaseView.class))
                .thenApply(found -> found.filter(correction -> CaseAccess.mayRead(actor, correction))
                        .orElseThrow(() -> new RejectedException(CorrectionEvidenceController.NOT_FOUND)));
    }

    private CompletableFuture<CorrectionCaseView> await(String caseId, long version) {
        return readYourWrites.await(new FindCorrectionCase(caseId), CorrectionCaseView.class,
                CorrectionCaseView::version, version);
    }
}
