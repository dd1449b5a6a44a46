package cn.singlewindow.realname.command.enterprise;

import cn.singlewindow.realname.messages.common.Rejection;
import cn.singlewindow.realname.messages.enterprise.OrgCode;
import cn.singlewindow.realname.messages.enterprise.Uscc;
import java.util.Optional;

/** Manual §2.3 (2): one change alters at most two of the enterprise name, the USCC and the organisation code. */
final class AtMostTwoIdentityFields {

    static final int MAX_CHANGED = 2;

    private AtMostTwoIdentityFields() {
    }

    /** How many of the three fields the change alters. */
    static int changed(String name, Uscc uscc, OrgCode orgCode, String newName, Uscc newUscc, OrgCode newOrgCode) {
        return (newName.equals(name) ? 0 : 1) + (newUscc.equals(uscc) ? 0 : 1) + (newOrgCode.equals(orgCode) ? 0 : 1);
    }

    static Optional<Rejection> refusal(int changed) {
        return changed > MAX_CHANGED ? Optional.of(EnterpriseRejections.TOO_MANY_IDENTITY_FIELDS_CHANGED)
                : Optional.empty();
    }
}
