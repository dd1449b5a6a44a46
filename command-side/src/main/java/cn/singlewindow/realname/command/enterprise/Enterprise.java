package cn.singlewindow.realname.command.enterprise;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import cn.singlewindow.realname.command.certification.AdministratorDirectory;
import cn.singlewindow.realname.command.certification.CertificationPolicy;
import cn.singlewindow.realname.command.enterprise.registry.EnterpriseRegistry;
import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.AccountOwner;
import cn.singlewindow.realname.messages.card.BankUkeyCertificationStarted;
import cn.singlewindow.realname.messages.card.CardCheck;
import cn.singlewindow.realname.messages.card.CardLoginRefused;
import cn.singlewindow.realname.messages.card.CertifyByIcCard;
import cn.singlewindow.realname.messages.card.IcCardCertificationAttempted;
import cn.singlewindow.realname.messages.card.RecordBankUkeyResult;
import cn.singlewindow.realname.messages.card.StartBankUkeyCertification;
import cn.singlewindow.realname.messages.certification.CertificationAttemptExpired;
import cn.singlewindow.realname.messages.certification.CertificationMethod;
import cn.singlewindow.realname.messages.certification.CertificationPassed;
import cn.singlewindow.realname.messages.certification.CertificationRequirements;
import cn.singlewindow.realname.messages.certification.CertificationStep;
import cn.singlewindow.realname.messages.certification.CertificationStepRefused;
import cn.singlewindow.realname.messages.certification.FailureReason;
import cn.singlewindow.realname.messages.certification.LegalRepCertificationStarted;
import cn.singlewindow.realname.messages.certification.OwnerIdentityVerificationStarted;
import cn.singlewindow.realname.messages.certification.SendBankCardSmsCode;
import cn.singlewindow.realname.messages.certification.StartLegalRepCertification;
import cn.singlewindow.realname.messages.certification.StartOwnerIdentityVerification;
import cn.singlewindow.realname.messages.certification.StepResult;
import cn.singlewindow.realname.messages.certification.VerifyEnterpriseInfo;
import cn.singlewindow.realname.messages.certification.VerifyIdentityByBankCard;
import cn.singlewindow.realname.messages.certification.VerifyIdentityByIdCard;
import cn.singlewindow.realname.messages.common.Refused;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.common.Rejection;
import cn.singlewindow.realname.messages.common.Versions;
import cn.singlewindow.realname.messages.enterprise.ChangeEnterpriseInfo;
import cn.singlewindow.realname.messages.enterprise.CorrectEnterpriseInfo;
import cn.singlewindow.realname.messages.enterprise.EnterpriseInfoCorrected;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.enterprise.EnterpriseInfoChangeRefused;
import cn.singlewindow.realname.messages.enterprise.EnterpriseInfoChanged;
import cn.singlewindow.realname.messages.enterprise.EnterpriseOrigin;
import cn.singlewindow.realname.messages.enterprise.LegacyEnterpriseImported;
import cn.singlewindow.realname.messages.enterprise.LegalRepresentative;
import cn.singlewindow.realname.messages.enterprise.OrgCode;
import cn.singlewindow.realname.messages.enterprise.Uscc;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.ForwardMatchingInstances;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An enterprise user of the Single Window: its information (name, USCC, organisation code, manual §2.3) and its
 * certification (§2.5), one stream per enterprise. Each attempt of a multi-step method is a member entity that takes
 * its own steps; the root opens attempts, keeps what the enterprise has passed, and refuses what the rules refuse,
 * recording every refusal that reaches it. Guards in command handlers, state only in event sourcing handlers.
 */
@Aggregate(cache = "aggregateCache")
class Enterprise {

    static final int MAX_NAME_LENGTH = 200;
    static final String IDLE_DEADLINE = "legal-rep-attempt-idle";
    static final String BANK_IDLE_DEADLINE = "bank-ukey-attempt-idle";

    @AggregateIdentifier
    private EnterpriseId enterpriseId;
    private String name;
    private Uscc uscc;
    private OrgCode orgCode;
    private EnterpriseOrigin origin;
    private ImportedOnce.ImportedAs importedAs;
    private CertificationRequirements requirements = CertificationRequirements.NONE;
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<String, IdentityAttempt> identityAttempts = new HashMap<>();
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<String, BankUkeyAttempt> bankAttempts = new HashMap<>();

    protected Enterprise() {
        // for Axon
    }

    Enterprise(EnterpriseId enterpriseId, String name, Uscc uscc, OrgCode orgCode,
               LegalRepresentative legalRepresentative, EnterpriseOrigin origin, AccountId administratorId) {
        requireName(name);
        requireOrgCodeOf(uscc, orgCode);
        apply(new LegacyEnterpriseImported(enterpriseId, name.strip(), uscc, orgCode, legalRepresentative, origin,
                administratorId));
    }

    // ---- Enterprise information (manual §2.3) ----

    /**
     * Answers the version after the change, so the caller can wait for its projection, {@link Versions#NOTHING_CHANGED},
     * or {@link Refused} with the refusal recorded.
     */
    @CommandHandler
    Object handle(ChangeEnterpriseInfo command, UsccRegistry usccRegistry, EnterpriseRegistry registry) {
        MigratedEnterprisesOnly.require(origin);
        requireName(command.name());
        OrgCode newOrgCode = command.uscc().orgCodeOr(command.orgCode());
        requireOrgCodeOf(command.uscc(), newOrgCode);
        String newName = command.name().strip();
        int changed = AtMostTwoIdentityFields.changed(name, uscc, orgCode, newName, command.uscc(), newOrgCode);
        Optional<Rejection> refusal = AtMostTwoIdentityFields.refusal(changed);
        if (refusal.isEmpty() && changed == 0) {
            return Versions.NOTHING_CHANGED;
        }
        refusal = refusal.or(() -> InformationLockedOnceVerified.refusal(requirements))
                .or(() -> RegistryConfirmsChange.refusal(registry, newName, command.uscc(), newOrgCode));
        if (refusal.isPresent()) {
            apply(new EnterpriseInfoChangeRefused(enterpriseId, newName, command.uscc(), newOrgCode,
                    refusal.get().code()));
            return new Refused(refusal.get());
        }
        if (!command.uscc().equals(uscc)) {
            usccRegistry.move(uscc, command.uscc(), enterpriseId);
        }
        apply(new EnterpriseInfoChanged(enterpriseId, newName, command.uscc(), newOrgCode));
        return getVersion();
    }

    /**
     * Manual §2.3 (3): staff correct the information with the evidence of a correction case. Neither the two-field
     * limit nor the registry applies (the evidence is why the registry was not followed); information a method has
     * verified stays locked, and the refusal is recorded.
     */
    @CommandHandler
    Object handle(CorrectEnterpriseInfo command, UsccRegistry usccRegistry) {
        MigratedEnterprisesOnly.require(origin);
        requireName(command.name());
        requireOrgCodeOf(command.uscc(), command.orgCode());
        String newName = command.name().strip();
        if (AtMostTwoIdentityFields.changed(name, uscc, orgCode, newName, command.uscc(), command.orgCode()) == 0) {
            return Versions.NOTHING_CHANGED;
        }
        Optional<Rejection> locked = InformationLockedOnceVerified.refusal(requirements);
        if (locked.isPresent()) {
            apply(new EnterpriseInfoChangeRefused(enterpriseId, newName, command.uscc(), command.orgCode(),
                    locked.get().code()));
            return new Refused(locked.get());
        }
        if (!command.uscc().equals(uscc)) {
            usccRegistry.move(uscc, command.uscc(), enterpriseId);
        }
        apply(new EnterpriseInfoCorrected(enterpriseId, command.caseId(), newName, command.uscc(), command.orgCode()));
        return getVersion();
    }

    // ---- IC card (manual §2.5.1): one step, so no member ----

    /**
     * The card bridge has checked the card's certificate and signature; here the card must be this enterprise's.
     * Every attempt is recorded with the certificate presented.
     */
    @CommandHandler
    Object handle(CertifyByIcCard command, AdministratorDirectory administrators, CertificationPolicy policy) {
        MigratedEnterprisesOnly.require(origin);
        if (requirements.passed().contains(CertificationMethod.IC_CARD)) {
            return refuse(command.attemptId(), CertificationMethod.IC_CARD, command,
                    CertificationRejections.ALREADY_PASSED);
        }
        AccountOwner owner = administrators.ownerOf(command.administratorId(), enterpriseId);
        CardCheck check = command.check();
        FailureReason failure = OwnEnterpriseCard.failure(check, orgCode);
        apply(new IcCardCertificationAttempted(enterpriseId, command.attemptId(), check.certificateSerial(),
                check.issuer(), check.cardType(), failure));
        if (failure != null) {
            return new StepResult(command.attemptId(), getVersion(), failure);
        }
        boolean heldByOwner = OwnEnterpriseCard.heldByOwner(check, owner);
        apply(new CertificationPassed(enterpriseId, command.attemptId(), CertificationMethod.IC_CARD,
                policy.icCardLevel(), true, heldByOwner ? command.administratorId() : null));
        if (heldByOwner) {
            administrators.confirmIdentity(command.administratorId(), CertificationMethod.IC_CARD);
        }
        return new StepResult(command.attemptId(), getVersion(), null);
    }

    // ---- Legal representative (manual §2.5.2, §2.5.3) and the owner's identity on its own ----

    /** Opens an attempt for the administrator, or answers the one already open. */
    @CommandHandler
    Object handle(StartLegalRepCertification command, AdministratorDirectory administrators,
                  DeadlineManager deadlines, CertificationPolicy policy) {
        return startIdentityAttempt(CertificationMethod.LEGAL_REP, command.attemptId(), command.administratorId(),
                command, administrators, deadlines, policy);
    }

    /** For an enterprise whose information a method verified without its owner (a bank UKey, someone else's card). */
    @CommandHandler
    Object handle(StartOwnerIdentityVerification command, AdministratorDirectory administrators,
                  DeadlineManager deadlines, CertificationPolicy policy) {
        return startIdentityAttempt(CertificationMethod.OWNER_IDENTITY, command.attemptId(),
                command.administratorId(), command, administrators, deadlines, policy);
    }

    private Object startIdentityAttempt(CertificationMethod method, String attemptId, AccountId administratorId,
                                        Object command, AdministratorDirectory administrators,
                                        DeadlineManager deadlines, CertificationPolicy policy) {
        MigratedEnterprisesOnly.require(origin);
        boolean done = method == CertificationMethod.OWNER_IDENTITY ? requirements.ownerIdentityVerified()
                : requirements.passed().contains(method);
        if (done) {
            return refuse(attemptId, method, command, method == CertificationMethod.OWNER_IDENTITY
                    ? CertificationRejections.OWNER_ALREADY_VERIFIED : CertificationRejections.ALREADY_PASSED);
        }
        Instant now = GenericEventMessage.clock.instant();
        Optional<IdentityAttempt> open = identityAttempts.values().stream()
                .filter(attempt -> attempt.method() == method && attempt.open()).findFirst();
        if (open.isPresent()) {
            if (!open.get().idle(now, policy.attemptIdleTimeout())) {
                // Not the enterprise's version: its later events (an IC card attempt, say) never reach this attempt.
                return new StepResult(open.get().attemptId(), Versions.NOTHING_CHANGED, null);
            }
            apply(new CertificationAttemptExpired(enterpriseId, open.get().attemptId(), method));
        }
        AccountOwner administrator = administrators.ownerOf(administratorId, enterpriseId);
        if (administrator == null || administrator.documentNumber() == null) {
            return refuse(attemptId, method, command, CertificationRejections.ACCOUNT_INFO_INCOMPLETE);
        }
        apply(method == CertificationMethod.OWNER_IDENTITY
                ? new OwnerIdentityVerificationStarted(enterpriseId, attemptId, administratorId, administrator)
                : new LegalRepCertificationStarted(enterpriseId, attemptId, administratorId, administrator));
        scheduleIdleCheck(attemptId, deadlines, policy, now);
        return new StepResult(attemptId, getVersion(), null);
    }

    /**
     * An attempt left idle past the timeout expires; activity since the deadline was set keeps it alive. The
     * deadline message's timestamp is when it fired (db-scheduler stamps it then; so does the test fixture).
     */
    @DeadlineHandler(deadlineName = IDLE_DEADLINE)
    void onIdle(IdleCheck check, @Timestamp Instant firedAt) {
        IdentityAttempt attempt = identityAttempts.get(check.attemptId());
        if (attempt != null && attempt.open() && attempt.idle(firedAt, check.idleTimeout())) {
            apply(new CertificationAttemptExpired(enterpriseId, attempt.attemptId(), attempt.method()));
        }
    }

    /** Payload of the idle deadline. */
    public record IdleCheck(String attemptId, Duration idleTimeout) {
    }

    void scheduleIdleCheck(String attemptId, DeadlineManager deadlines, CertificationPolicy policy, Instant now) {
        deadlines.schedule(now.plus(policy.attemptIdleTimeout()), IDLE_DEADLINE,
                new IdleCheck(attemptId, policy.attemptIdleTimeout()));
    }

    // ---- Bank UKey (manual §2.5.6) ----

    /**
     * Opens an attempt through the bank, or answers the one already open through the same bank. An open attempt
     * through another bank, or one left idle too long, is closed as expired first: one attempt waits at a time, so
     * every bank answer finishes the attempt it belongs to.
     */
    @CommandHandler
    Object handle(StartBankUkeyCertification command, AdministratorDirectory administrators,
                  DeadlineManager deadlines, CertificationPolicy policy) {
        MigratedEnterprisesOnly.require(origin);
        if (requirements.passed().contains(CertificationMethod.BANK_UKEY)) {
            return refuse(command.attemptId(), CertificationMethod.BANK_UKEY, command,
                    CertificationRejections.ALREADY_PASSED);
        }
        Instant now = GenericEventMessage.clock.instant();
        Optional<BankUkeyAttempt> open = bankAttempts.values().stream().filter(BankUkeyAttempt::open).findFirst();
        if (open.isPresent()) {
            if (open.get().bank() == command.bank() && !open.get().idle(now, policy.attemptIdleTimeout())) {
                return new StepResult(open.get().attemptId(), Versions.NOTHING_CHANGED, null);
            }
            apply(new CertificationAttemptExpired(enterpriseId, open.get().attemptId(), CertificationMethod.BANK_UKEY));
        }
        administrators.ownerOf(command.administratorId(), enterpriseId);
        apply(new BankUkeyCertificationStarted(enterpriseId, command.attemptId(), command.administratorId(),
                command.bank()));
        deadlines.schedule(now.plus(policy.attemptIdleTimeout()), BANK_IDLE_DEADLINE,
                new BankIdleCheck(command.attemptId()));
        return new StepResult(command.attemptId(), getVersion(), null);
    }

    /** A bank attempt whose answer never came expires, like a legal-representative attempt left idle. */
    @DeadlineHandler(deadlineName = BANK_IDLE_DEADLINE)
    void onBankIdle(BankIdleCheck check) {
        BankUkeyAttempt attempt = bankAttempts.get(check.attemptId());
        if (attempt != null && attempt.open()) {
            apply(new CertificationAttemptExpired(enterpriseId, check.attemptId(), CertificationMethod.BANK_UKEY));
        }
    }

    /** Payload of the bank attempt's deadline. */
    public record BankIdleCheck(String attemptId) {
    }

    // ---- Refusals ----

    /**
     * A step about an attempt this enterprise does not have is refused here, and recorded, before Axon looks for the
     * member that would take it.
     */
    @CommandHandlerInterceptor
    Object knownAttempt(CommandMessage<?> message, InterceptorChain chain) throws Exception {
        Object command = message.getPayload();
        String attemptId = null;
        if (command instanceof VerifyEnterpriseInfo step) {
            attemptId = step.attemptId();
        } else if (command instanceof VerifyIdentityByIdCard step) {
            attemptId = step.attemptId();
        } else if (command instanceof VerifyIdentityByBankCard step) {
            attemptId = step.attemptId();
        } else if (command instanceof SendBankCardSmsCode step) {
            attemptId = step.attemptId();
        }
        if (attemptId != null && !identityAttempts.containsKey(attemptId)) {
            return refuse(attemptId, null, command, CertificationRejections.ATTEMPT_NOT_FOUND);
        }
        if (command instanceof RecordBankUkeyResult result && !bankAttempts.containsKey(result.attemptId())) {
            return refuse(result.attemptId(), CertificationMethod.BANK_UKEY, command,
                    CertificationRejections.ATTEMPT_NOT_FOUND);
        }
        return chain.proceed();
    }

    /** Records the refusal of a certification command and answers it. */
    Refused refuse(String attemptId, CertificationMethod method, Object command, Rejection rejection) {
        apply(new CertificationStepRefused(enterpriseId, attemptId, method, command.getClass().getSimpleName(),
                rejection.code()));
        return new Refused(rejection);
    }

    /** A card of this enterprise, bound to none of its accounts, was refused at login. */
    void recordCardLoginRefused(String certificateSerial, String reasonCode) {
        apply(new CardLoginRefused(enterpriseId, certificateSerial, reasonCode));
    }

    // ---- What members read ----

    EnterpriseId enterpriseId() {
        return enterpriseId;
    }

    String name() {
        return name;
    }

    Uscc uscc() {
        return uscc;
    }

    OrgCode orgCode() {
        return orgCode;
    }

    boolean passed(CertificationMethod method) {
        return requirements.passed().contains(method);
    }

    void requireInScope() {
        MigratedEnterprisesOnly.require(origin);
    }

    private static void requireName(String candidate) {
        if (candidate == null || candidate.isBlank() || candidate.strip().length() > MAX_NAME_LENGTH) {
            throw new RejectedException(EnterpriseRejections.NAME_REQUIRED);
        }
    }

    private static void requireOrgCodeOf(Uscc uscc, OrgCode orgCode) {
        if (!Objects.equals(uscc.orgCode(), orgCode)) {
            throw new RejectedException(EnterpriseRejections.ORG_CODE_MISMATCH);
        }
    }

    // ---- State ----

    @EventSourcingHandler
    void on(LegacyEnterpriseImported event) {
        enterpriseId = event.enterpriseId();
        name = event.name();
        uscc = event.uscc();
        orgCode = event.orgCode();
        origin = event.origin();
        importedAs = new ImportedOnce.ImportedAs(event.name(), event.uscc(), event.orgCode(), event.origin(),
                event.administratorId());
    }

    /** The enterprise as it was imported, whatever changed since. */
    ImportedOnce.ImportedAs importedAs() {
        return importedAs;
    }

    @EventSourcingHandler
    void on(EnterpriseInfoChanged event) {
        name = event.name();
        uscc = event.uscc();
        orgCode = event.orgCode();
    }

    @EventSourcingHandler
    void on(EnterpriseInfoCorrected event) {
        name = event.name();
        uscc = event.uscc();
        orgCode = event.orgCode();
    }

    @EventSourcingHandler
    void on(CertificationPassed event) {
        requirements = requirements.after(event);
    }

    @EventSourcingHandler
    void on(LegalRepCertificationStarted event, @Timestamp Instant at) {
        identityAttempts.put(event.attemptId(), new IdentityAttempt(this, event.attemptId(),
                CertificationMethod.LEGAL_REP, event.administratorId(), event.administrator(),
                CertificationStep.ENTERPRISE_INFO, at));
    }

    @EventSourcingHandler
    void on(OwnerIdentityVerificationStarted event, @Timestamp Instant at) {
        identityAttempts.put(event.attemptId(), new IdentityAttempt(this, event.attemptId(),
                CertificationMethod.OWNER_IDENTITY, event.administratorId(), event.administrator(),
                CertificationStep.ADMINISTRATOR_IDENTITY, at));
    }

    @EventSourcingHandler
    void on(BankUkeyCertificationStarted event, @Timestamp Instant at) {
        bankAttempts.put(event.attemptId(), new BankUkeyAttempt(this, event.attemptId(), event.bank(), at));
    }
}
