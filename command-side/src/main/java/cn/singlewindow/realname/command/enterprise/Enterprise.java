package cn.singlewindow.realname.command.enterprise;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.command.enterprise.registry.EnterpriseRegistry;
import cn.singlewindow.realname.command.enterprise.registry.RegisteredEnterprise;
import cn.singlewindow.realname.messages.certification.CertificationPassed;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.enterprise.ChangeEnterpriseInfo;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.enterprise.EnterpriseInfoChanged;
import cn.singlewindow.realname.messages.enterprise.EnterpriseOrigin;
import cn.singlewindow.realname.messages.enterprise.LegacyEnterpriseImported;
import cn.singlewindow.realname.messages.enterprise.LegalRepresentative;
import cn.singlewindow.realname.messages.enterprise.OrgCode;
import cn.singlewindow.realname.messages.enterprise.Uscc;
import cn.singlewindow.realname.command.certification.AdministratorDirectory;
import cn.singlewindow.realname.command.certification.CertificationPolicy;
import cn.singlewindow.realname.command.certification.IdentityCheckQuota;
import cn.singlewindow.realname.command.certification.SmsCodes;
import cn.singlewindow.realname.command.certification.providers.BankCardVerifier;
import cn.singlewindow.realname.command.certification.providers.IdentityAuthority;
import cn.singlewindow.realname.command.certification.providers.ProviderUnavailableException;
import cn.singlewindow.realname.command.certification.providers.SmsGateway;
import cn.singlewindow.realname.command.enterprise.registry.RegistryUnavailableException;
import cn.singlewindow.realname.messages.account.AccountOwner;
import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.card.Bank;
import cn.singlewindow.realname.messages.card.BankUkeyCallbackRejected;
import cn.singlewindow.realname.messages.card.BankUkeyCertificationStarted;
import cn.singlewindow.realname.messages.card.BankUkeyResultReceived;
import cn.singlewindow.realname.messages.card.CardCheck;
import cn.singlewindow.realname.messages.card.RecordBankUkeyResult;
import cn.singlewindow.realname.messages.card.StartBankUkeyCertification;
import cn.singlewindow.realname.messages.card.CertifyByIcCard;
import cn.singlewindow.realname.messages.card.IcCardCertificationAttempted;
import cn.singlewindow.realname.messages.certification.AttemptStatus;
import cn.singlewindow.realname.messages.certification.CertificationAttemptExpired;
import cn.singlewindow.realname.messages.certification.CertificationAttemptFailed;
import cn.singlewindow.realname.messages.certification.CertificationMethod;
import cn.singlewindow.realname.messages.certification.CertificationStep;
import cn.singlewindow.realname.messages.certification.CertificationStepFailed;
import cn.singlewindow.realname.messages.certification.EnterpriseInfoVerified;
import cn.singlewindow.realname.messages.certification.IdentitySubject;
import cn.singlewindow.realname.messages.certification.IdentityVerified;
import cn.singlewindow.realname.messages.certification.LegalRepCertificationStarted;
import cn.singlewindow.realname.messages.certification.SendBankCardSmsCode;
import cn.singlewindow.realname.messages.certification.SmsCodeSent;
import cn.singlewindow.realname.messages.certification.SmsCodeTicket;
import cn.singlewindow.realname.messages.certification.StartLegalRepCertification;
import cn.singlewindow.realname.messages.certification.StepResult;
import cn.singlewindow.realname.messages.certification.VerificationRoute;
import cn.singlewindow.realname.messages.certification.VerifyEnterpriseInfo;
import cn.singlewindow.realname.messages.certification.VerifyIdentityByBankCard;
import cn.singlewindow.realname.messages.certification.VerifyIdentityByIdCard;
import cn.singlewindow.realname.messages.common.ChinaTime;
import cn.singlewindow.realname.messages.common.Codes;
import cn.singlewindow.realname.messages.common.Masking;
import cn.singlewindow.realname.messages.common.Versions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An enterprise user of the Single Window: its identity (name, USCC, organisation code) and, as later rules
 * arrive, its certification. Guards in command handlers, state only in event sourcing handlers.
 */
@Aggregate(cache = "aggregateCache")
class Enterprise {

    static final int MAX_NAME_LENGTH = 200;

    @AggregateIdentifier
    private EnterpriseId enterpriseId;
    private String name;
    private Uscc uscc;
    private OrgCode orgCode;
    private EnterpriseOrigin origin;
    private boolean certified;
    private final Map<String, LegalRepAttempt> legalRepAttempts = new HashMap<>();
    private LegalRepAttempt openLegalRepAttempt;
    private boolean legalRepPassed;
    private boolean icCardPassed;
    private boolean bankUkeyPassed;
    // The bank UKey attempt waiting for the bank's answer, if any: one at a time, as for the legal representative.
    private OpenBankAttempt openBankAttempt;

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

    /**
     * Manual §2.3. Answers the version after the change, so the caller can wait for its projection, or
     * {@link Versions#NOTHING_CHANGED}.
     */
    @CommandHandler
    long handle(ChangeEnterpriseInfo command, UsccRegistry usccRegistry, EnterpriseRegistry registry) {
        requireInScope();
        requireName(command.name());
        OrgCode newOrgCode = command.uscc().orgCodeOr(command.orgCode());
        requireOrgCodeOf(command.uscc(), newOrgCode);
        String newName = command.name().strip();
        int changed = (newName.equals(name) ? 0 : 1)
                + (command.uscc().equals(uscc) ? 0 : 1)
                + (newOrgCode.equals(orgCode) ? 0 : 1);
        if (changed > 2) {
            throw new RejectedException(EnterpriseRejections.TOO_MANY_IDENTITY_FIELDS_CHANGED);
        }
        if (changed == 0) {
            return Versions.NOTHING_CHANGED;
        }
        if (certified) {
            throw new RejectedException(EnterpriseRejections.ENTERPRISE_LOCKED);
        }
        requireRegistered(registry, newName, command.uscc(), newOrgCode);
        if (!command.uscc().equals(uscc)) {
            usccRegistry.move(uscc, command.uscc(), enterpriseId);
        }
        apply(new EnterpriseInfoChanged(enterpriseId, newName, command.uscc(), newOrgCode));
        return getVersion();
    }

    // ---- IC card certification (manual §2.5.1) ----

    /**
     * The card bridge has checked the card's certificate and signature; here the card must be this enterprise's.
     * Every attempt is recorded with the certificate presented; the owner's identity counts as verified when the
     * card's holder is the account owner.
     */
    @CommandHandler
    StepResult handle(CertifyByIcCard command, AdministratorDirectory administrators, CertificationPolicy policy) {
        requireInScope();
        if (icCardPassed) {
            throw new RejectedException(CertificationRejections.ALREADY_PASSED);
        }
        AccountOwner owner = administrators.ownerOf(command.administratorId(), enterpriseId);
        CardCheck check = command.check();
        String failure = check.passed() && !orgCode.value().equals(check.orgCode())
                ? "CARD_ENTERPRISE_MISMATCH" : check.failureCode();
        apply(new IcCardCertificationAttempted(enterpriseId, command.attemptId(), check.certificateSerial(),
                check.issuer(), check.cardType(), failure));
        if (failure != null) {
            return new StepResult(command.attemptId(), getVersion(), failure);
        }
        boolean holderIsOwner = owner != null && check.holderIdNumber() != null
                && check.holderIdNumber().equals(owner.documentNumber());
        apply(new CertificationPassed(enterpriseId, command.attemptId(), CertificationMethod.IC_CARD,
                policy.icCardLevel(), true, holderIsOwner ? command.administratorId() : null));
        if (holderIsOwner) {
            administrators.confirmIdentity(command.administratorId(), CertificationMethod.IC_CARD);
        }
        return new StepResult(command.attemptId(), getVersion(), null);
    }

    // ---- Bank UKey certification (manual §2.5.6) ----

    static final String BANK_IDLE_DEADLINE = "bank-ukey-attempt-idle";

    /**
     * Opens an attempt through the bank, or answers the one already open through the same bank. An open attempt
     * through another bank, or one left idle too long, is closed as expired first: one attempt waits at a time, so
     * every bank answer finishes the attempt it belongs to.
     */
    @CommandHandler
    StepResult handle(StartBankUkeyCertification command, AdministratorDirectory administrators,
                      DeadlineManager deadlines, CertificationPolicy policy) {
        requireInScope();
        if (bankUkeyPassed) {
            throw new RejectedException(CertificationRejections.ALREADY_PASSED);
        }
        Instant now = GenericEventMessage.clock.instant();
        if (openBankAttempt != null) {
            boolean idle = !now.isBefore(openBankAttempt.startedAt().plus(policy.attemptIdleTimeout()));
            if (openBankAttempt.bank() == command.bank() && !idle) {
                return new StepResult(openBankAttempt.attemptId(), Versions.NOTHING_CHANGED, null);
            }
            apply(new CertificationAttemptExpired(enterpriseId, openBankAttempt.attemptId(),
                    CertificationMethod.BANK_UKEY));
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
        if (openBankAttempt != null && openBankAttempt.attemptId().equals(check.attemptId())) {
            apply(new CertificationAttemptExpired(enterpriseId, check.attemptId(), CertificationMethod.BANK_UKEY));
        }
    }

    /** Payload of the bank attempt's deadline. */
    public record BankIdleCheck(String attemptId) {
    }

    private record OpenBankAttempt(String attemptId, Bank bank, Instant startedAt) {
    }

    /** The bank's verified answer ends the attempt; a rejected callback is only recorded. */
    @CommandHandler
    StepResult handle(RecordBankUkeyResult command, CertificationPolicy policy) {
        if (command.rejectedCallback()) {
            apply(new BankUkeyCallbackRejected(enterpriseId, command.attemptId(), command.bank(),
                    command.failureCode()));
            return new StepResult(command.attemptId(), getVersion(), command.failureCode());
        }
        if (openBankAttempt == null || !openBankAttempt.attemptId().equals(command.attemptId())
                || openBankAttempt.bank() != command.bank()) {
            // A genuine answer arriving after its attempt closed: kept in the stream, changes nothing.
            String closed = CertificationRejections.ATTEMPT_CLOSED.code();
            apply(new BankUkeyCallbackRejected(enterpriseId, command.attemptId(), command.bank(), closed));
            return new StepResult(command.attemptId(), getVersion(), closed);
        }
        apply(new BankUkeyResultReceived(enterpriseId, command.attemptId(), command.bank(), command.failureCode()));
        if (command.failureCode() == null && !bankUkeyPassed) {
            apply(new CertificationPassed(enterpriseId, command.attemptId(), CertificationMethod.BANK_UKEY,
                    policy.bankUkeyLevel(), true, null));
        }
        return new StepResult(command.attemptId(), getVersion(), command.failureCode());
    }

    // ---- Legal representative certification (manual §2.5.2, §2.5.3) ----

    static final String IDLE_DEADLINE = "legal-rep-attempt-idle";

    /** Opens an attempt for the administrator, or answers the one already open. */
    @CommandHandler
    StepResult handle(StartLegalRepCertification command, AdministratorDirectory administrators,
                      DeadlineManager deadlines, CertificationPolicy policy) {
        requireInScope();
        if (legalRepPassed) {
            throw new RejectedException(CertificationRejections.ALREADY_PASSED);
        }
        Instant now = GenericEventMessage.clock.instant();
        if (openLegalRepAttempt != null) {
            if (!openLegalRepAttempt.idleSince(now, policy.attemptIdleTimeout())) {
                // Not the enterprise's version: its later events (an IC card attempt, say) never reach this attempt.
                return new StepResult(openLegalRepAttempt.attemptId, Versions.NOTHING_CHANGED, null);
            }
            apply(new CertificationAttemptExpired(enterpriseId, openLegalRepAttempt.attemptId,
                    CertificationMethod.LEGAL_REP));
        }
        AccountOwner administrator = administrators.ownerOf(command.administratorId(), enterpriseId);
        if (administrator == null || administrator.documentNumber() == null) {
            throw new RejectedException(CertificationRejections.ACCOUNT_INFO_INCOMPLETE);
        }
        apply(new LegalRepCertificationStarted(enterpriseId, command.attemptId(), command.administratorId(),
                administrator));
        scheduleIdleCheck(command.attemptId(), deadlines, policy, now);
        return new StepResult(command.attemptId(), getVersion(), null);
    }

    /** Step 1: the enterprise's own data, and the registry's record of it and of its legal representative. */
    @CommandHandler
    StepResult handle(VerifyEnterpriseInfo command, EnterpriseRegistry registry, DeadlineManager deadlines,
                      CertificationPolicy policy) {
        Instant now = GenericEventMessage.clock.instant();
        LegalRepAttempt attempt = currentAttempt(command.attemptId(), CertificationStep.ENTERPRISE_INFO, now, policy);
        if (attempt == null) {
            return expiredResult(command.attemptId());
        }
        scheduleIdleCheck(attempt.attemptId, deadlines, policy, now);
        if (!Codes.normalise(command.enterpriseName()).equals(Codes.normalise(name))
                || !command.uscc().equals(uscc) || !command.orgCode().equals(orgCode)) {
            return fail(attempt, CertificationStep.ENTERPRISE_INFO, VerificationRoute.REGISTRY,
                    "ENTERPRISE_INFO_MISMATCH", true, policy);
        }
        Optional<RegisteredEnterprise> record;
        try {
            record = registry.lookUp(uscc);
        } catch (RegistryUnavailableException down) {
            return fail(attempt, CertificationStep.ENTERPRISE_INFO, VerificationRoute.REGISTRY,
                    "REGISTRY_UNAVAILABLE", false, policy);
        }
        LegalRepresentative submitted = command.legalRepresentative();
        boolean matches = record.filter(RegisteredEnterprise::active)
                .filter(r -> r.hasName(name) && r.orgCode().equals(orgCode))
                .map(RegisteredEnterprise::legalRepresentative)
                .filter(filed -> filed != null && filed.name().equals(submitted.name())
                        && filed.documentType() == submitted.documentType()
                        && filed.documentNumber().equals(submitted.documentNumber()))
                .isPresent();
        if (!matches) {
            return fail(attempt, CertificationStep.ENTERPRISE_INFO, VerificationRoute.REGISTRY, "REGISTRY_MISMATCH",
                    true, policy);
        }
        apply(new EnterpriseInfoVerified(enterpriseId, attempt.attemptId, submitted));
        return new StepResult(attempt.attemptId, getVersion(), null);
    }

    /** Steps 2 and 3 by resident ID card, checked against CTID. */
    @CommandHandler
    StepResult handle(VerifyIdentityByIdCard command, IdentityAuthority ctid, IdentityCheckQuota quota,
                      AdministratorDirectory administrators, DeadlineManager deadlines, CertificationPolicy policy) {
        Instant now = GenericEventMessage.clock.instant();
        LegalRepAttempt attempt = currentAttempt(command.attemptId(), command.subject().step(), now, policy);
        if (attempt == null) {
            return expiredResult(command.attemptId());
        }
        LegalRepAttempt.Person expected = attempt.expected(command.subject());
        if (expected.documentType() != DocumentType.RESIDENT_ID_CARD) {
            throw new RejectedException(CertificationRejections.ID_CARD_ROUTE_NOT_APPLICABLE);
        }
        scheduleIdleCheck(attempt.attemptId, deadlines, policy, now);
        CertificationStep step = command.subject().step();
        // Objects.equals: an erased person's name and number read back as null and match no one.
        if (!Objects.equals(expected.name(), command.name())
                || !Objects.equals(expected.documentNumber(), command.idNumber())) {
            return fail(attempt, step, VerificationRoute.ID_CARD, "IDENTITY_NOT_OF_THIS_STEP", true, policy);
        }
        if (!quota.tryConsume(command.idNumber(), ChinaTime.today(GenericEventMessage.clock))) {
            return fail(attempt, step, VerificationRoute.ID_CARD, "TOO_MANY_ATTEMPTS", false, policy);
        }
        IdentityAuthority.Verdict verdict;
        try {
            verdict = ctid.verify(command.name(), command.idNumber(), command.validity());
        } catch (ProviderUnavailableException down) {
            return fail(attempt, step, VerificationRoute.ID_CARD, "IDENTITY_SERVICE_UNAVAILABLE", false, policy);
        }
        return switch (verdict) {
            case MATCH -> pass(attempt, command.subject(), VerificationRoute.ID_CARD, administrators, policy);
            case MISMATCH -> fail(attempt, step, VerificationRoute.ID_CARD, "IDENTITY_MISMATCH", true, policy);
            case NOT_IN_CTID -> fail(attempt, step, VerificationRoute.ID_CARD, "NOT_IN_CTID", true, policy);
        };
    }

    /** Sends the code for the bank-card route of the current step to the bank-reserved phone. */
    @CommandHandler
    SmsCodeTicket handle(SendBankCardSmsCode command, SmsCodes codes, SmsGateway sms, DeadlineManager deadlines,
                         CertificationPolicy policy) {
        Instant now = GenericEventMessage.clock.instant();
        LegalRepAttempt attempt = currentAttempt(command.attemptId(), command.subject().step(), now, policy);
        if (attempt == null) {
            throw new RejectedException(CertificationRejections.ATTEMPT_CLOSED);
        }
        requireBankCardAndPhone(command.bankCardNumber(), command.phone());
        SmsCodes.Issue issue = codes.issue(attempt.attemptId, command.subject(), command.phone(),
                command.bankCardNumber(), now);
        if (!issue.sent()) {
            throw new RejectedException(issue.refusal() == SmsCodes.Refusal.RESEND_TOO_SOON
                    ? CertificationRejections.SMS_RESEND_TOO_SOON : CertificationRejections.SMS_DAILY_LIMIT);
        }
        SmsCodes.Issued issued = issue.issued();
        try {
            sms.send(command.phone(), "【中国国际贸易单一窗口】您的实名认证验证码为" + issued.code()
                    + "，5分钟内有效，请勿泄露给他人。");
        } catch (ProviderUnavailableException down) {
            throw new RejectedException(CertificationRejections.SMS_UNAVAILABLE);
        }
        scheduleIdleCheck(attempt.attemptId, deadlines, policy, now);
        String maskedPhone = Masking.phone(command.phone());
        apply(new SmsCodeSent(enterpriseId, attempt.attemptId, command.subject(), maskedPhone, issued.expiresAt()));
        return new SmsCodeTicket(maskedPhone, issued.expiresAt(), issued.resendAfter());
    }

    /** Steps 2 and 3 by bank card: the SMS code, then the four elements at the bank-card check. */
    @CommandHandler
    StepResult handle(VerifyIdentityByBankCard command, SmsCodes codes, BankCardVerifier bankCards,
                      IdentityCheckQuota quota, AdministratorDirectory administrators, DeadlineManager deadlines,
                      CertificationPolicy policy) {
        Instant now = GenericEventMessage.clock.instant();
        LegalRepAttempt attempt = currentAttempt(command.attemptId(), command.subject().step(), now, policy);
        if (attempt == null) {
            return expiredResult(command.attemptId());
        }
        requireBankCardAndPhone(command.bankCardNumber(), command.phone());
        scheduleIdleCheck(attempt.attemptId, deadlines, policy, now);
        CertificationStep step = command.subject().step();
        SmsCodes.Check check = codes.check(attempt.attemptId, command.subject(), command.phone(),
                command.bankCardNumber(), command.smsCode(), now);
        switch (check) {
            case NONE, INVALID -> {
                // Counted toward the attempt's failed checks: guessing codes ends with the attempt.
                return fail(attempt, step, VerificationRoute.BANK_CARD, "SMS_CODE_INVALID", true, policy);
            }
            case EXPIRED -> {
                return fail(attempt, step, VerificationRoute.BANK_CARD, "SMS_CODE_EXPIRED", false, policy);
            }
            case TOO_MANY_WRONG -> {
                return fail(attempt, step, VerificationRoute.BANK_CARD, "TOO_MANY_ATTEMPTS", false, policy);
            }
            case OK -> {
                // go on to the four-element check
            }
        }
        LegalRepAttempt.Person person = attempt.expected(command.subject());
        if (person.documentNumber() == null) {
            // The person locked for this step was erased meanwhile: no check can be made for them any more.
            return fail(attempt, step, VerificationRoute.BANK_CARD, "IDENTITY_NOT_OF_THIS_STEP", false, policy);
        }
        if (!quota.tryConsume(person.documentNumber(), ChinaTime.today(GenericEventMessage.clock))) {
            return fail(attempt, step, VerificationRoute.BANK_CARD, "TOO_MANY_ATTEMPTS", false, policy);
        }
        boolean matches;
        try {
            matches = bankCards.verify(person.name(), person.documentType(), person.documentNumber(),
                    command.bankCardNumber(), command.phone());
        } catch (ProviderUnavailableException down) {
            return fail(attempt, step, VerificationRoute.BANK_CARD, "BANK_CARD_SERVICE_UNAVAILABLE", false, policy);
        }
        return matches
                ? pass(attempt, command.subject(), VerificationRoute.BANK_CARD, administrators, policy)
                : fail(attempt, step, VerificationRoute.BANK_CARD, "IDENTITY_MISMATCH", true, policy);
    }

    /**
     * An attempt left idle past the timeout expires; activity since the deadline was set keeps it alive. The
     * deadline message's timestamp is when it fired (db-scheduler stamps it then; so does the test fixture).
     */
    @DeadlineHandler(deadlineName = IDLE_DEADLINE)
    void onIdle(IdleCheck check, @Timestamp Instant firedAt) {
        LegalRepAttempt attempt = legalRepAttempts.get(check.attemptId());
        if (attempt != null && attempt.open() && attempt.idleSince(firedAt, check.idleTimeout())) {
            apply(new CertificationAttemptExpired(enterpriseId, attempt.attemptId, CertificationMethod.LEGAL_REP));
        }
    }

    /** Payload of the idle deadline. */
    public record IdleCheck(String attemptId, Duration idleTimeout) {
    }

    /**
     * The open attempt at the expected step; null (after recording its expiry) when it has gone idle too long.
     * Unknown, closed or out-of-order attempts are refused without an event.
     */
    private LegalRepAttempt currentAttempt(String attemptId, CertificationStep expectedStep, Instant now,
                                           CertificationPolicy policy) {
        requireInScope();
        LegalRepAttempt attempt = legalRepAttempts.get(attemptId);
        if (attempt == null) {
            throw new RejectedException(CertificationRejections.ATTEMPT_NOT_FOUND);
        }
        if (!attempt.open()) {
            throw new RejectedException(CertificationRejections.ATTEMPT_CLOSED);
        }
        if (attempt.idleSince(now, policy.attemptIdleTimeout())) {
            apply(new CertificationAttemptExpired(enterpriseId, attemptId, CertificationMethod.LEGAL_REP));
            return null;
        }
        if (attempt.step != expectedStep) {
            throw new RejectedException(CertificationRejections.STEP_OUT_OF_ORDER);
        }
        return attempt;
    }

    private StepResult expiredResult(String attemptId) {
        return new StepResult(attemptId, getVersion(), "ATTEMPT_EXPIRED");
    }

    private StepResult fail(LegalRepAttempt attempt, CertificationStep step, VerificationRoute route, String reason,
                            boolean countsAgainstLimit, CertificationPolicy policy) {
        apply(new CertificationStepFailed(enterpriseId, attempt.attemptId, CertificationMethod.LEGAL_REP, step, route,
                reason, countsAgainstLimit));
        if (attempt.failedChecks >= policy.maxFailedChecksPerAttempt()) {
            apply(new CertificationAttemptFailed(enterpriseId, attempt.attemptId, CertificationMethod.LEGAL_REP,
                    "TOO_MANY_ATTEMPTS"));
        }
        return new StepResult(attempt.attemptId, getVersion(), reason);
    }

    private StepResult pass(LegalRepAttempt attempt, IdentitySubject subject, VerificationRoute route,
                            AdministratorDirectory administrators, CertificationPolicy policy) {
        apply(new IdentityVerified(enterpriseId, attempt.attemptId, subject, route));
        if (subject == IdentitySubject.ADMINISTRATOR) {
            apply(new CertificationPassed(enterpriseId, attempt.attemptId, CertificationMethod.LEGAL_REP,
                    policy.legalRepLevel(), true, attempt.administratorId));
            administrators.confirmIdentity(attempt.administratorId, CertificationMethod.LEGAL_REP);
        }
        return new StepResult(attempt.attemptId, getVersion(), null);
    }

    private void scheduleIdleCheck(String attemptId, DeadlineManager deadlines, CertificationPolicy policy,
                                   Instant now) {
        deadlines.schedule(now.plus(policy.attemptIdleTimeout()), IDLE_DEADLINE,
                new IdleCheck(attemptId, policy.attemptIdleTimeout()));
    }

    private static void requireBankCardAndPhone(String bankCardNumber, String phone) {
        if (bankCardNumber == null || !BANK_CARD.matcher(bankCardNumber).matches()) {
            throw new RejectedException(CertificationRejections.INVALID_BANK_CARD);
        }
        if (phone == null || !MOBILE.matcher(phone).matches()) {
            throw new RejectedException(CertificationRejections.INVALID_PHONE);
        }
    }

    private static final Pattern BANK_CARD = Pattern.compile("\\d{12,19}");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    /** Manual §2.3 (3): the new information must be what the national registry holds. */
    private static void requireRegistered(EnterpriseRegistry registry, String name, Uscc uscc, OrgCode orgCode) {
        boolean matches = registry.lookUp(uscc)
                .filter(RegisteredEnterprise::active)
                .filter(record -> record.hasName(name) && orgCode.equals(record.orgCode()))
                .isPresent();
        if (!matches) {
            throw new RejectedException(EnterpriseRejections.REGISTRY_MISMATCH);
        }
    }

    /** Manual §一: only migrated enterprises use these flows. */
    private void requireInScope() {
        if (!origin.needsCertification()) {
            throw new RejectedException(EnterpriseRejections.NOT_APPLICABLE);
        }
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

    @EventSourcingHandler
    void on(LegacyEnterpriseImported event) {
        enterpriseId = event.enterpriseId();
        name = event.name();
        uscc = event.uscc();
        orgCode = event.orgCode();
        origin = event.origin();
    }

    @EventSourcingHandler
    void on(EnterpriseInfoChanged event) {
        name = event.name();
        uscc = event.uscc();
        orgCode = event.orgCode();
    }

    @EventSourcingHandler
    void on(CertificationPassed event) {
        certified = true;
        if (event.method() == CertificationMethod.IC_CARD) {
            icCardPassed = true;
        }
        if (event.method() == CertificationMethod.BANK_UKEY) {
            bankUkeyPassed = true;
        }
        if (event.method() == CertificationMethod.LEGAL_REP) {
            legalRepPassed = true;
            closeAttempt(event.attemptId(), AttemptStatus.PASSED);
        }
    }

    @EventSourcingHandler
    void on(BankUkeyCertificationStarted event, @Timestamp Instant at) {
        openBankAttempt = new OpenBankAttempt(event.attemptId(), event.bank(), at);
    }

    @EventSourcingHandler
    void on(BankUkeyResultReceived event) {
        openBankAttempt = null;
    }

    @EventSourcingHandler
    void on(LegalRepCertificationStarted event, @Timestamp Instant at) {
        LegalRepAttempt attempt = new LegalRepAttempt(event.attemptId(), event.administratorId(),
                event.administrator(), at);
        legalRepAttempts.put(event.attemptId(), attempt);
        openLegalRepAttempt = attempt;
    }

    @EventSourcingHandler
    void on(EnterpriseInfoVerified event, @Timestamp Instant at) {
        touch(event.attemptId(), at).ifPresent(attempt -> {
            attempt.legalRepresentative = event.legalRepresentative();
            attempt.step = CertificationStep.LEGAL_REP_IDENTITY;
        });
    }

    @EventSourcingHandler
    void on(IdentityVerified event, @Timestamp Instant at) {
        touch(event.attemptId(), at).ifPresent(attempt -> attempt.step = event.subject() == IdentitySubject.LEGAL_REP
                ? CertificationStep.ADMINISTRATOR_IDENTITY : CertificationStep.DONE);
    }

    @EventSourcingHandler
    void on(CertificationStepFailed event, @Timestamp Instant at) {
        touch(event.attemptId(), at).ifPresent(attempt -> {
            if (event.countsAgainstLimit()) {
                attempt.failedChecks++;
            }
        });
    }

    @EventSourcingHandler
    void on(SmsCodeSent event, @Timestamp Instant at) {
        touch(event.attemptId(), at);
    }

    @EventSourcingHandler
    void on(CertificationAttemptFailed event) {
        closeAttempt(event.attemptId(), AttemptStatus.FAILED);
    }

    @EventSourcingHandler
    void on(CertificationAttemptExpired event) {
        closeAttempt(event.attemptId(), AttemptStatus.EXPIRED);
        if (openBankAttempt != null && openBankAttempt.attemptId().equals(event.attemptId())) {
            openBankAttempt = null;
        }
    }

    private Optional<LegalRepAttempt> touch(String attemptId, Instant at) {
        LegalRepAttempt attempt = legalRepAttempts.get(attemptId);
        if (attempt != null) {
            attempt.lastActivity = at;
        }
        return Optional.ofNullable(attempt);
    }

    private void closeAttempt(String attemptId, AttemptStatus status) {
        LegalRepAttempt attempt = legalRepAttempts.get(attemptId);
        if (attempt != null) {
            attempt.status = status;
        }
        if (openLegalRepAttempt != null && openLegalRepAttempt.attemptId.equals(attemptId)) {
            openLegalRepAttempt = null;
        }
    }
}
