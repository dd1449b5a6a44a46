package cn.singlewindow.realname.messages.certification;

import cn.singlewindow.realname.messages.card.BankUkeyCertificationStarted;
import cn.singlewindow.realname.messages.card.BankUkeyResultReceived;
import cn.singlewindow.realname.messages.card.IcCardCertificationAttempted;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where one certification method of an enterprise stands (manual §2.5), and how each event moves it: the one state
 * machine behind the read model's method states and the auditors' view of an enterprise at an instant. A method that
 * passed stays passed; an attempt that fails or expires afterwards changes only when it was last tried.
 */
public record MethodProgress(CertificationMethod method, MethodState status, SecurityLevel securityLevel,
                             Instant passedAt, Instant lastAttemptAt, CertificationStep currentStep,
                             boolean verifiedEnterpriseInfo, boolean verifiedOwnerIdentity) {

    public static MethodProgress notStarted(CertificationMethod method) {
        return new MethodProgress(method, MethodState.NOT_STARTED, SecurityLevel.NONE, null, null, null, false,
                false);
    }

    /** The method whose state the event moves, if it moves one. */
    public static Optional<CertificationMethod> methodOf(Object event) {
        if (event instanceof LegalRepCertificationStarted || event instanceof EnterpriseInfoVerified) {
            return Optional.of(CertificationMethod.LEGAL_REP);
        }
        if (event instanceof IdentityVerified e) {
            return Optional.of(e.method());
        }
        if (event instanceof OwnerIdentityVerificationStarted) {
            return Optional.of(CertificationMethod.OWNER_IDENTITY);
        }
        if (event instanceof IcCardCertificationAttempted) {
            return Optional.of(CertificationMethod.IC_CARD);
        }
        if (event instanceof BankUkeyCertificationStarted
                || event instanceof BankUkeyResultReceived received && received.failureCode() != null) {
            return Optional.of(CertificationMethod.BANK_UKEY);
        }
        if (event instanceof CertificationStepFailed e) {
            return Optional.of(e.method());
        }
        if (event instanceof CertificationAttemptFailed e) {
            return Optional.of(e.method());
        }
        if (event instanceof CertificationAttemptExpired e) {
            return Optional.of(e.method());
        }
        if (event instanceof CertificationPassed e) {
            return Optional.of(e.method());
        }
        return Optional.empty();
    }

    /** The state after the event, which happened at {@code at}; this state when the event does not move it. */
    public MethodProgress after(Object event, Instant at) {
        if (event instanceof CertificationPassed e) {
            return new MethodProgress(method, MethodState.PASSED, e.securityLevel(), at, at, CertificationStep.DONE,
                    e.enterpriseInfoVerified(), e.ownerIdentityVerifiedFor() != null);
        }
        if (event instanceof LegalRepCertificationStarted || event instanceof BankUkeyCertificationStarted) {
            return tried(at, MethodState.PENDING, CertificationStep.ENTERPRISE_INFO);
        }
        if (event instanceof OwnerIdentityVerificationStarted) {
            return tried(at, MethodState.PENDING, CertificationStep.ADMINISTRATOR_IDENTITY);
        }
        if (event instanceof IcCardCertificationAttempted e) {
            return tried(at, e.failureCode() == null ? MethodState.PENDING : MethodState.FAILED, currentStep);
        }
        if (event instanceof EnterpriseInfoVerified) {
            return tried(at, status, CertificationStep.LEGAL_REP_IDENTITY);
        }
        if (event instanceof IdentityVerified e) {
            return tried(at, status, e.subject() == IdentitySubject.LEGAL_REP
                    ? CertificationStep.ADMINISTRATOR_IDENTITY : CertificationStep.DONE);
        }
        if (event instanceof CertificationStepFailed) {
            return tried(at, status, currentStep);
        }
        if (event instanceof CertificationAttemptFailed || event instanceof CertificationAttemptExpired
                || event instanceof BankUkeyResultReceived received && received.failureCode() != null) {
            return passed() ? this : new MethodProgress(method, MethodState.FAILED, securityLevel, passedAt,
                    lastAttemptAt, null, verifiedEnterpriseInfo, verifiedOwnerIdentity);
        }
        return this;
    }

    public boolean passed() {
        return status == MethodState.PASSED;
    }

    /** As the contract shows a method: its level only once passed. */
    public MethodStatus view() {
        return new MethodStatus(method, status, passed() ? securityLevel : SecurityLevel.NONE, passedAt,
                lastAttemptAt, currentStep == null ? null : currentStep.name());
    }

    /** The overview of an enterprise whose methods stand so (those absent have not started). */
    public static CertificationOverview overview(Collection<MethodProgress> methods) {
        Map<CertificationMethod, MethodStatus> byMethod = new EnumMap<>(CertificationMethod.class);
        boolean enterpriseInfoVerified = false;
        boolean ownerIdentityVerified = false;
        for (MethodProgress progress : methods) {
            byMethod.put(progress.method(), progress.view());
            if (progress.passed()) {
                enterpriseInfoVerified |= progress.verifiedEnterpriseInfo();
                ownerIdentityVerified |= progress.verifiedOwnerIdentity();
            }
        }
        return CertificationOverview.of(byMethod, enterpriseInfoVerified, ownerIdentityVerified);
    }

    /** Tried again at {@code at}: a passed method keeps its state and step; another takes the ones given. */
    private MethodProgress tried(Instant at, MethodState newStatus, CertificationStep newStep) {
        return passed()
                ? new MethodProgress(method, status, securityLevel, passedAt, at, currentStep, verifiedEnterpriseInfo,
                verifiedOwnerIdentity)
                : new MethodProgress(method, newStatus, securityLevel, passedAt, at, newStep, verifiedEnterpriseInfo,
                verifiedOwnerIdentity);
    }
}
