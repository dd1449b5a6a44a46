package cn.singlewindow.realname.messages.certification;

import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/** A page of the enterprise's attempts, newest first, after the given cursor (exclusive); limit rows at most. */
public record FindCertificationAttempts(EnterpriseId enterpriseId, AttemptCursor after, int limit) {
}
