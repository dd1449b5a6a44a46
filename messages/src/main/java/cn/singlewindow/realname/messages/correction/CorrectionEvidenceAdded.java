package cn.singlewindow.realname.messages.correction;

import cn.singlewindow.realname.messages.enterprise.EnterpriseEvent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/** A file of evidence was stored with the case: what it is, not its content. */
public record CorrectionEvidenceAdded(String caseId, EnterpriseId enterpriseId, String evidenceId, String fileName,
                                      String contentType, long size, String sha256) implements EnterpriseEvent {
}
