package cn.singlewindow.realname.command.enterprise;

import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.AccountOwner;
import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.certification.AttemptStatus;
import cn.singlewindow.realname.messages.certification.CertificationStep;
import cn.singlewindow.realname.messages.certification.IdentitySubject;
import cn.singlewindow.realname.messages.enterprise.LegalRepresentative;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** State of one legal-representative attempt, changed only by the Enterprise's event sourcing handlers. */
final class LegalRepAttempt {

    final String attemptId;
    final AccountId administratorId;
    final AccountOwner administrator;
    CertificationStep step = CertificationStep.ENTERPRISE_INFO;
    AttemptStatus status = AttemptStatus.IN_PROGRESS;
    LegalRepresentative legalRepresentative;
    int failedChecks;
    Instant lastActivity;

    LegalRepAttempt(String attemptId, AccountId administratorId, AccountOwner administrator, Instant startedAt) {
        this.attemptId = attemptId;
        this.administratorId = administratorId;
        this.administrator = administrator;
        this.lastActivity = startedAt;
    }

    boolean open() {
        return status == AttemptStatus.IN_PROGRESS;
    }

    boolean idleSince(Instant now, Duration idleTimeout) {
        return !now.isBefore(lastActivity.plus(idleTimeout));
    }

    // Value equality: the test fixture checks that state from handling equals state re-sourced from events.
    @Override
    public boolean equals(Object other) {
        return other instanceof LegalRepAttempt that && attemptId.equals(that.attemptId)
                && Objects.equals(administratorId, that.administratorId)
                && Objects.equals(administrator, that.administrator) && step == that.step && status == that.status
                && Objects.equals(legalRepresentative, that.legalRepresentative)
                && failedChecks == that.failedChecks && Objects.equals(lastActivity, that.lastActivity);
    }

    @Override
    public int hashCode() {
        return attemptId.hashCode();
    }

    /** Whose identity the subject's step verifies: the legal representative locked in step 1, or the owner. */
    Person expected(IdentitySubject subject) {
        return subject == IdentitySubject.LEGAL_REP
                ? new Person(legalRepresentative.name(), legalRepresentative.documentType(),
                legalRepresentative.documentNumber())
                : new Person(administrator.name(), administrator.documentType(), administrator.documentNumber());
    }

    record Person(String name, DocumentType documentType,
                  String documentNumber) {
    }
}
