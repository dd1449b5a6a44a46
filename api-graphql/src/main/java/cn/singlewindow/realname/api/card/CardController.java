package cn.singlewindow.realname.api.card;

import cn.singlewindow.realname.api.account.SessionOpening;
import cn.singlewindow.realname.api.common.Commands;
import cn.singlewindow.realname.api.common.ReadYourWrites;
import cn.singlewindow.realname.api.error.ApiRejections;
import cn.singlewindow.realname.api.security.Access;
import cn.singlewindow.realname.api.security.Actor;
import cn.singlewindow.realname.cardbridge.challenge.CardChallenges;
import cn.singlewindow.realname.cardbridge.challenge.ChallengePurpose;
import cn.singlewindow.realname.cardbridge.iccard.IcCardVerifier;
import cn.singlewindow.realname.messages.account.LoginOutcome;
import cn.singlewindow.realname.messages.card.AuthenticateWithCard;
import cn.singlewindow.realname.messages.card.CardCheck;
import cn.singlewindow.realname.messages.card.CertifyByIcCard;
import cn.singlewindow.realname.messages.certification.CertificationAttemptView;
import cn.singlewindow.realname.messages.certification.FindCertificationAttempt;
import cn.singlewindow.realname.messages.certification.StepResult;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import graphql.GraphQLContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.MetaData;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * The China E-Port card over GraphQL (manual §2.1 card media, §2.5.1): a challenge, the card's signature over it,
 * checked by the card bridge, then a command with the verdict.
 */
@Controller
class CardController {

    private static final int MAX_PEM = 16_384;
    private static final int MAX_SIGNATURE = 512;

    private final CardChallenges challenges;
    private final IcCardVerifier verifier;
    private final Commands commands;
    private final ReadYourWrites readYourWrites;
    private final SessionOpening sessions;
    private final Clock clock;

    CardController(CardChallenges challenges, IcCardVerifier verifier, Commands commands,
                   ReadYourWrites readYourWrites, SessionOpening sessions, Clock clock) {
        this.challenges = challenges;
        this.verifier = verifier;
        this.commands = commands;
        this.readYourWrites = readYourWrites;
        this.sessions = sessions;
        this.clock = clock;
    }

    record IssueCardChallengeInput(ChallengePurpose purpose, String enterpriseId) {
    }

    record CardEvidenceInput(String challengeId, String certificatePem, String signature) {
    }

    record CardChallenge(String id, String nonce, Instant expiresAt) {
    }

    /** LOGIN: anyone. CERTIFICATION: the enterprise's administrator, and the challenge is bound to it. */
    @MutationMapping
    CardChallenge issueCardChallenge(@Argument IssueCardChallengeInput input) {
        EnterpriseId enterpriseId = null;
        if (input.purpose() == ChallengePurpose.CERTIFICATION) {
            if (input.enterpriseId() == null) {
                throw new RejectedException(ApiRejections.invalidField("enterpriseId",
                        "A certification challenge names the enterprise.", "请指定要认证的企业。"));
            }
            enterpriseId = new EnterpriseId(input.enterpriseId());
            Access.requireAdministratorOf(enterpriseId);
        }
        CardChallenges.Challenge challenge = challenges.issue(input.purpose(), enterpriseId, clock.instant());
        return new CardChallenge(challenge.id(), Base64.getEncoder().encodeToString(challenge.nonce()),
                challenge.expiresAt());
    }

    @MutationMapping
    CompletableFuture<SessionOpening.Session> loginWithCard(@Argument CardEvidenceInput input,
                                                            GraphQLContext context) {
        requireSane(input);
        CardChallenges.Claimed claimed = challenges.claim(input.challengeId(), ChallengePurpose.LOGIN,
                clock.instant());
        CardCheck check = verifier.verify(input.certificatePem(), input.signature(), claimed.nonce());
        return commands.<LoginOutcome>send(new AuthenticateWithCard(check), context).thenCompose(sessions::open);
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    CompletableFuture<CertificationAttemptView> certifyByIcCard(@Argument CardEvidenceInput input,
                                                                GraphQLContext context) {
        requireSane(input);
        Actor administrator = Access.actor();
        MetaData origin = commands.origin(context);
        CardChallenges.Claimed claimed = challenges.claim(input.challengeId(), ChallengePurpose.CERTIFICATION,
                clock.instant());
        Access.requireAdministratorOf(administrator, claimed.enterpriseId());
        CardCheck check = verifier.verify(input.certificatePem(), input.signature(), claimed.nonce());
        String attemptId = UUID.randomUUID().toString();
        return commands.<StepResult>send(new CertifyByIcCard(claimed.enterpriseId(), attemptId,
                        administrator.accountId(), check), origin)
                .thenCompose(result -> readYourWrites.await(new FindCertificationAttempt(result.attemptId()),
                        CertificationAttemptView.class, CertificationAttemptView::version, result.version()));
    }

    private static void requireSane(CardEvidenceInput input) {
        if (input.certificatePem() == null || input.certificatePem().length() > MAX_PEM) {
            throw new RejectedException(ApiRejections.invalidField("certificatePem",
                    "certificatePem is one PEM certificate.", "请提供卡介质证书（PEM格式）。"));
        }
        if (input.signature() == null || input.signature().length() > MAX_SIGNATURE) {
            throw new RejectedException(ApiRejections.invalidField("signature",
                    "signature is the base64 DER SM2 signature.", "请提供卡介质签名（Base64）。"));
        }
    }
}
