package cn.singlewindow.realname.messages.certification;

import cn.singlewindow.realname.messages.enterprise.EnterpriseEvent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/** Step 2 or 3 passed. */
public record IdentityVerified(EnterpriseId enterpriseId, String attemptId, IdentitySubject subject,
                               VerificationRoute route) implements EnterpriseEvent {
}
