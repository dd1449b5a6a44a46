package cn.singlewindow.realname.messages.certification;

import cn.singlewindow.realname.messages.enterprise.EnterpriseEvent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/** Step 2 or 3 of the legal-representative method passed, or the owner's identity in an attempt of its own. */
public record IdentityVerified(EnterpriseId enterpriseId, String attemptId, IdentitySubject subject,
                               VerificationRoute route, CertificationMethod method) implements EnterpriseEvent {

    public IdentityVerified {
        // Stored before owner-identity attempts existed, when every identity was verified by the legal-representative
        // method: such events carry no method.
        method = method == null ? CertificationMethod.LEGAL_REP : method;
    }
}
