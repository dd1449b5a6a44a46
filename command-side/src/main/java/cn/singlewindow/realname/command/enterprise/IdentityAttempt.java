package cn.singlewindow.realname.command.enterprise;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import cn.singlewindow.realname.command.certification.AdministratorDirectory;
import cn.singlewindow.realname.command.certification.CertificationPolicy;
import cn.singlewindow.realname.command.certification.IdentityCheckQuota;
import cn.singlewindow.realname.command.certification.SmsCodes;
import cn.singlewindow.realname.command.certification.providers.BankCardVerifier;
import cn.singlewindow.realname.command.certification.providers.IdentityAuthority;
import cn.singlewindow.realname.command.certification.providers.ProviderUnavailableException;
import cn.singlewindow.realname.command.certification.providers.SmsGateway;
import cn.singlewindow.realname.command.enterprise.registry.EnterpriseRegistry;
import cn.singlewindow.realname.command.enterprise.registry.RegisteredEnterprise;
import cn.singlewindow.realname.command.enterprise.registry.RegistryUnavailableException;
import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.AccountOwner;
import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.certification.AttemptStatus;
import cn.singlewindow.realname.messages.certification.CertificationAttemptExpired;
import cn.singlewindow.realname.messages.certification.CertificationAttemptFailed;
import cn.singlewindow.realname.messages.certification.CertificationMethod;
import cn.singlewindow.realname.messages.certification.CertificationPassed;
import cn.singlewindow.realname.messages.certification.CertificationStep;
import cn.singlewindow.realname.messages.certification.CertificationStepFailed;
import cn.singlewindow.realname.messages.certification.EnterpriseInfoVerified;
import cn.singlewindow.realname.messages.certification.FailureReason;
import cn.singlewindow.realname.messages.certification.IdentitySubject;
import cn.singlewindow.realname.messages.certification.IdentityVerified;
import cn.singlewindow.realname.messages.certification.SecurityLevel;
import cn.singlewindow.realname.messages.certification.SendBankCardSmsCode;
import cn.singlewindow.realname.messages.certification.SmsCodeRefused;
import cn.singlewindow.realname.messages.certification.SmsCodeSent;
import cn.singlewindow.realname.messages.certification.SmsCodeTicket;
import cn.singlewindow.realname.messages.certification.StepResult;
import cn.singlewindow.realname.messages.certification.VerificationRoute;
import cn.singlewindow.realname.messages.certification.VerifyEnterpriseInfo;
import cn.singlewindow.realname.messages.certification.VerifyIdentityByBankCard;
import cn.singlewindow.realname.messages.certification.VerifyIdentityByIdCard;
import cn.singlewindow.realname.messages.common.ChinaTime;
import cn.singlewindow.realname.messages.common.Codes;
import cn.singlewindow.realname.messages.common.Masking;
import cn.singlewindow.realname.messages.common.Refused;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.common.Rejection;
import cn.singlewindow.realname.messages.enterprise.LegalRepresentative;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;

/**
 * One attempt that checks identities step by step (manual §2.5.3), a member of its {@link Enterprise}: the
 * legal-representative method (the enterprise's information, the legal representative, the account owner) or the owner's
 * identity alone. It takes its own steps; the people it checks are fixed when it starts (the owner as the account
 * recorded them) and when step 1 passes (the legal representative the registry confirmed).
 */
final class IdentityAttempt {

    private static final Pattern BANK_CARD = Pattern.compile("\\d{12,19}");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    @EntityId(routingKey = "attemptId")
    private final String attemptId;
    // The root, for the enterprise's own information; not part of this attempt's state.
    private final transient Enterprise enterprise;
    private final CertificationMethod method;
    private final AccountId administratorId;
    private final AccountOwner administrator;
    private CertificationStep step;
    private AttemptStatus status = AttemptStatus.IN_PROGRESS;
    private LegalRepresentative legalRepresentative;
    private int failedChecks;
    private Instant lastActivity;

    IdentityAttempt(Enterprise enterprise, String attemptId, CertificationMethod method, AccountId administratorId,
                    AccountOwner administrator, CertificationStep firstStep, Instant startedAt) {
        this.enterprise = enterprise;
        this.attemptId = attemptId;
        this.method = method;
        this.administratorId = administratorId;
        this.administrator = administrator;
        this.step = firstStep;
        this.lastActivity = startedAt;
    }

    String attemptId() {
        return attemptId;
    }

    CertificationMethod method() {
        return method;
    }

    boolean open() {
        return status == AttemptStatus.IN_PROGRESS;
    }

    boolean idle(Instant now, Duration idleTimeout) {
        return IdleAttemptExpiry.idle(lastActivity, now, idleTimeout);
    }

    /** Step 1: the enterprise's own data, and the registry's record of it and of its legal representative. */
    @CommandHandler
    Object handle(VerifyEnterpriseInfo command, EnterpriseRegistry registry, DeadlineManager deadlines,
                  CertificationPolicy policy) {
        Instant now = GenericEventMessage.clock.instant();
        Object notNow = notNow(command, CertificationStep.ENTERPRISE_INFO, now, policy);
        if (notNow != null) {
            return notNow;
        }
        enterprise.scheduleIdleCheck(attemptId, deadlines, policy, now);
        if (!Codes.normalise(command.enterpriseName()).equals(Codes.normalise(enterprise.name()))
                || !command.uscc().equals(enterprise.uscc()) || !command.orgCode().equals(enterprise.orgCode())) {
            return fail(FailureReason.ENTERPRISE_INFO_MISMATCH, VerificationRoute.REGISTRY, true, policy);
        }
        Optional<RegisteredEnterprise> record;
        try {
            record = registry.lookUp(enterprise.uscc());
        } catch (RegistryUnavailableException down) {
            return fail(FailureReason.REGISTRY_UNAVAILABLE, VerificationRoute.REGISTRY, false, policy);
        }
        LegalRepresentative submitted = command.legalRepresentative();
        boolean matches = record.filter(RegisteredEnterprise::active)
                .filter(r -> r.hasName(enterprise.name()) && r.orgCode().equals(enterprise.orgCode()))
                .map(RegisteredEnterprise::legalRepresentative)
                .filter(filed -> filed != null && filed.name().equals(submitted.name())
                        && filed.documentType() == submitted.documentType()
                        && filed.documentNumber().equals(submitted.documentNumber()))
                .isPresent();
        if (!matches) {
            return fail(FailureReason.REGISTRY_MISMATCH, VerificationRoute.REGISTRY, true, policy);
        }
        apply(new EnterpriseInfoVerified(enterprise.enterpriseId(), attemptId, submitted));
        return new StepResult(attemptId, getVersion(), null);
    }

    /** Steps 2 and 3 (or the owner alone) by resident ID card, checked against CTID. */
    @CommandHandler
    Object handle(VerifyIdentityByIdCard command, IdentityAuthority ctid, IdentityCheckQuota quota,
                  AdministratorDirectory administrators, DeadlineManager deadlines, CertificationPolicy policy) {
        Instant now = GenericEventMessage.clock.instant();
        Object notNow = notNow(command, command.subject().step(), now, policy);
        if (notNow != null) {
            return notNow;
        }
        Person expected = expected(command.subject());
        Optional<Rejection> route = IdCardRouteForResidentIdCards.refusal(expected.documentType());
        if (route.isPresent()) {
            return enterprise.refuse(attemptId, method, command, route.get());
        }
        enterprise.scheduleIdleCheck(attemptId, deadlines, policy, now);
        // Objects.equals: an erased person's name and number read back as null and match no one.
        if (!Objects.equals(expected.name(), command.name())
                || !Objects.equals(expected.documentNumber(), command.idNumber())) {
            return fail(FailureReason.IDENTITY_NOT_OF_THIS_STEP, VerificationRoute.ID_CARD, true, policy);
        }
        if (!quota.tryConsume(command.idNumber(), ChinaTime.today(GenericEventMessage.clock))) {
            return fail(FailureReason.TOO_MANY_ATTEMPTS, VerificationRoute.ID_CARD, false, policy);
        }
        IdentityAuthority.Verdict verdict;
        try {
            verdict = ctid.verify(command.name(), command.idNumber(), command.validity());
        } catch (ProviderUnavailableException down) {
            return fail(FailureReason.IDENTITY_SERVICE_UNAVAILABLE, VerificationRoute.ID_CARD, false, policy);
        }
        return switch (verdict) {
            case MATCH -> pass(command.subject(), VerificationRoute.ID_CARD, administrators, policy);
            case MISMATCH -> fail(FailureReason.IDENTITY_MISMATCH, VerificationRoute.ID_CARD, true, policy);
            case NOT_IN_CTID -> fail(FailureReason.NOT_IN_CTID, VerificationRoute.ID_CARD, true, policy);
        };
    }

    /** Sends the code for the bank-card route of the current step to the bank-reserved phone. */
    @CommandHandler
    Object handle(SendBankCardSmsCode command, SmsCodes codes, SmsGateway sms, DeadlineManager deadlines,
                  CertificationPolicy policy) {
        Instant now = GenericEventMessage.clock.instant();
        Object notNow = notNow(command, command.subject().step(), now, policy);
        if (notNow instanceof StepResult) {
            // Found expired just now: no code for an attempt that is over.
            return enterprise.refuse(attemptId, method, command, CertificationRejections.ATTEMPT_CLOSED);
        }
        if (notNow != null) {
            return notNow;
        }
        requireBankCardAndPhone(command.bankCardNumber(), command.phone());
        String maskedPhone = Masking.phone(command.phone());
        SmsCodes.Issue issue = codes.issue(attemptId, command.subject(), command.phone(), command.bankCardNumber(),
                now);
        if (!issue.sent()) {
            return refuseSms(command.subject(), maskedPhone, issue.refusal() == SmsCodes.Refusal.RESEND_TOO_SOON
                    ? CertificationRejections.SMS_RESEND_TOO_SOON : CertificationRejections.SMS_DAILY_LIMIT);
        }
        SmsCodes.Issued issued = issue.issued();
        try {
            sms.send(command.phone(), "【中国国际贸易单一窗口】您的实名认证验证码为" + issued.code()
                    + "，5分钟内有效，请勿泄露给他人。");
        } catch (ProviderUnavailableException down) {
            codes.withdraw(attemptId, command.subject(), command.phone(), now);
            return refuseSms(command.subject(), maskedPhone, CertificationRejections.SMS_UNAVAILABLE);
        }
        enterprise.scheduleIdleCheck(attemptId, deadlines, policy, now);
        apply(new SmsCodeSent(enterprise.enterpriseId(), attemptId, command.subject(), maskedPhone,
                issued.expiresAt()));
        return new SmsCodeTicket(maskedPhone, issued.expiresAt(), issued.resendAfter());
    }

    /** Steps 2 and 3 (or the owner alone) by bank card: the SMS code, then the four elements at the bank-card check. */
    @CommandHandler
    Object handle(VerifyIdentityByBankCard command, SmsCodes codes, BankCardVerifier bankCards,
                  IdentityCheckQuota quota, AdministratorDirectory administrators, DeadlineManager deadlines,
                  CertificationPolicy policy) {
        Instant now = GenericEventMessage.clock.instant();
        Object notNow = notNow(command, command.subject().step(), now, policy);
        if (notNow != null) {
            return notNow;
        }
        requireBankCardAndPhone(command.bankCardNumber(), command.phone());
        enterprise.scheduleIdleCheck(attemptId, deadlines, policy, now);
        SmsCodes.Check check = codes.check(attemptId, command.subject(), command.phone(), command.bankCardNumber(),
                command.smsCode(), now);
        switch (check) {
            case NONE, INVALID -> {
                // Counted toward the attempt's failed checks: guessing codes ends with the attempt.
                return fail(FailureReason.SMS_CODE_INVALID, VerificationRoute.BANK_CARD, true, policy);
            }
            case EXPIRED -> {
                return fail(FailureReason.SMS_CODE_EXPIRED, VerificationRoute.BANK_CARD, false, policy);
            }
            case TOO_MANY_WRONG -> {
                return fail(FailureReason.TOO_MANY_ATTEMPTS, VerificationRoute.BANK_CARD, false, policy);
            }
            case OK -> {
                // go on to the four-element check
            }
        }
        Person person = expected(command.subject());
        if (person.documentNumber() == null) {
            // The person fixed for this step was erased meanwhile: no check can be made for them any more.
            return fail(FailureReason.IDENTITY_NOT_OF_THIS_STEP, VerificationRoute.BANK_CARD, false, policy);
        }
        if (!quota.tryConsume(person.documentNumber(), ChinaTime.today(GenericEventMessage.clock))) {
            return fail(FailureReason.TOO_MANY_ATTEMPTS, VerificationRoute.BANK_CARD, false, policy);
        }
        boolean matches;
        try {
            matches = bankCards.verify(person.name(), person.documentType(), person.documentNumber(),
                    command.bankCardNumber(), command.phone());
        } catch (ProviderUnavailableException down) {
            return fail(FailureReason.BANK_CARD_SERVICE_UNAVAILABLE, VerificationRoute.BANK_CARD, false, policy);
        }
        return matches
                ? pass(command.subject(), VerificationRoute.BANK_CARD, administrators, policy)
                : fail(FailureReason.IDENTITY_MISMATCH, VerificationRoute.BANK_CARD, true, policy);
    }

    /**
     * The early answer when this attempt cannot take the step now: a refusal (recorded) when it is over or the step
     * is not its current one, or, when it has gone idle too long, its expiry. Null when the step may go on.
     */
    private Object notNow(Object command, CertificationStep submitted, Instant now, CertificationPolicy policy) {
        enterprise.requireInScope();
        if (!open()) {
            return enterprise.refuse(attemptId, method, command, CertificationRejections.ATTEMPT_CLOSED);
        }
        if (idle(now, policy.attemptIdleTimeout())) {
            apply(new CertificationAttemptExpired(enterprise.enterpriseId(), attemptId, method));
            return new StepResult(attemptId, getVersion(), FailureReason.ATTEMPT_EXPIRED);
        }
        Optional<Rejection> order = LegalRepStepOrder.refusal(step, submitted);
        if (order.isPresent()) {
            return enterprise.refuse(attemptId, method, command, order.get());
        }
        return null;
    }

    private Refused refuseSms(IdentitySubject subject, String maskedPhone, Rejection rejection) {
        apply(new SmsCodeRefused(enterprise.enterpriseId(), attemptId, subject, maskedPhone, rejection.code()));
        return new Refused(rejection);
    }

    private StepResult fail(FailureReason reason, VerificationRoute route, boolean countsAgainstLimit,
                            CertificationPolicy policy) {
        apply(new CertificationStepFailed(enterprise.enterpriseId(), attemptId, method, step, route, reason,
                countsAgainstLimit));
        if (FailedChecksLimit.reached(failedChecks, policy)) {
            apply(new CertificationAttemptFailed(enterprise.enterpriseId(), attemptId, method,
                    FailureReason.TOO_MANY_ATTEMPTS));
        }
        return new StepResult(attemptId, getVersion(), reason);
    }

    private StepResult pass(IdentitySubject subject, VerificationRoute route, AdministratorDirectory administrators,
                            CertificationPolicy policy) {
        apply(new IdentityVerified(enterprise.enterpriseId(), attemptId, subject, route, method));
        if (subject == IdentitySubject.ADMINISTRATOR) {
            // The legal-representative method verified the enterprise's information in step 1; the owner's identity
            // check verifies the owner only, and grants no level of its own.
            boolean legalRep = method == CertificationMethod.LEGAL_REP;
            apply(new CertificationPassed(enterprise.enterpriseId(), attemptId, method,
                    legalRep ? policy.legalRepLevel() : SecurityLevel.NONE, legalRep, administratorId));
            administrators.confirmIdentity(administratorId, method);
        }
        return new StepResult(attemptId, getVersion(), null);
    }

    /** Whose identity the subject's step verifies: the legal representative fixed in step 1, or the owner. */
    private Person expected(IdentitySubject subject) {
        return subject == IdentitySubject.LEGAL_REP
                ? new Person(legalRepresentative.name(), legalRepresentative.documentType(),
                legalRepresentative.documentNumber())
                : new Person(administrator.name(), administrator.documentType(), administrator.documentNumber());
    }

    private record Person(String name, DocumentType documentType, String documentNumber) {
    }

    private static void requireBankCardAndPhone(String bankCardNumber, String phone) {
        if (bankCardNumber == null || !BANK_CARD.matcher(bankCardNumber).matches()) {
            throw new RejectedException(CertificationRejections.INVALID_BANK_CARD);
        }
        if (phone == null || !MOBILE.matcher(phone).matches()) {
            throw new RejectedException(CertificationRejections.INVALID_PHONE);
        }
    }

    @EventSourcingHandler
    void on(EnterpriseInfoVerified event, @Timestamp Instant at) {
        legalRepresentative = event.legalRepresentative();
        step = CertificationStep.LEGAL_REP_IDENTITY;
        lastActivity = at;
    }

    @EventSourcingHandler
    void on(IdentityVerified event, @Timestamp Instant at) {
        step = LegalRepStepOrder.after(event.subject());
        lastActivity = at;
    }

    @EventSourcingHandler
    void on(CertificationStepFailed event, @Timestamp Instant at) {
        if (event.countsAgainstLimit()) {
            failedChecks++;
        }
        lastActivity = at;
    }

    @EventSourcingHandler
    void on(SmsCodeSent event, @Timestamp Instant at) {
        lastActivity = at;
    }

    @EventSourcingHandler
    void on(CertificationAttemptFailed event) {
        status = AttemptStatus.FAILED;
    }

    @EventSourcingHandler
    void on(CertificationAttemptExpired event) {
        status = AttemptStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(CertificationPassed event) {
        status = AttemptStatus.PASSED;
    }

    // Value equality without the root: the test fixture compares the state from handling with the state re-sourced.
    @Override
    public boolean equals(Object other) {
        return other instanceof IdentityAttempt that && attemptId.equals(that.attemptId) && method == that.method
                && Objects.equals(administratorId, that.administratorId)
                && Objects.equals(administrator, that.administrator) && step == that.step && status == that.status
                && Objects.equals(legalRepresentative, that.legalRepresentative)
                && failedChecks == that.failedChecks && Objects.equals(lastActivity, that.lastActivity);
    }

    @Override
    public int hashCode() {
        return attemptId.hashCode();
    }
}
