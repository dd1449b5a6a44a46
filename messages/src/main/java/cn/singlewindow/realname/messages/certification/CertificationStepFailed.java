package cn.singlewindow.realname.messages.certification;

import cn.singlewindow.realname.messages.enterprise.EnterpriseEvent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/**
 * A check of a step said no (or could not be made). {@code countsAgainstLimit} is false when the provider
 * was down: the user did nothing wrong.
 */
public record CertificationStepFailed(EnterpriseId enterpriseId, String attemptId, CertificationMethod method,
                                      CertificationStep step, VerificationRoute route, FailureReason reasonCode,
                                      boolean countsAgainstLimit) implements EnterpriseEvent {
}
