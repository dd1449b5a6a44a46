package cn.singlewindow.realname.messages.certification;

import cn.singlewindow.realname.messages.enterprise.EnterpriseEvent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.enterprise.LegalRepresentative;

/** Step 1 passed; the legal representative's name and document are locked for step 2. */
public record EnterpriseInfoVerified(EnterpriseId enterpriseId, String attemptId,
                                     LegalRepresentative legalRepresentative) implements EnterpriseEvent {
}
