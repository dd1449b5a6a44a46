package cn.singlewindow.realname.messages.certification;

import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import java.time.Instant;

/** {@code version} is the enterprise's sequence number of the last event that touched the attempt. */
public record CertificationAttemptView(String id, EnterpriseId enterpriseId, CertificationMethod method,
                                       CertificationStep step, AttemptStatus status, Instant startedAt,
                                       Instant finishedAt, String failureCode, String hint, long version) {
}
