package cn.singlewindow.realname.messages.correction;

import cn.singlewindow.realname.messages.enterprise.EnterpriseEvent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

public record CorrectionCaseSubmitted(String caseId, EnterpriseId enterpriseId) implements EnterpriseEvent {
}
