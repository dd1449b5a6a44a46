package cn.singlewindow.realname.api.correction;

import cn.singlewindow.realname.api.security.Actor;
import cn.singlewindow.realname.messages.account.AccountRole;
import cn.singlewindow.realname.messages.correction.CorrectionCaseView;

/** Who sees a correction case: the administrator who opened it, OPERATIONS and AUDITOR. */
final class CaseAccess {

    private CaseAccess() {
    }

    static boolean mayRead(Actor actor, CorrectionCaseView correction) {
        return actor.role() == AccountRole.OPERATIONS || actor.role() == AccountRole.AUDITOR
                || mayChange(actor, correction);
    }

    /** Only the administrator who opened it changes a case (while it is a draft: the aggregate's rule). */
    static boolean mayChange(Actor actor, CorrectionCaseView correction) {
        return actor.role() == AccountRole.ADMINISTRATOR && actor.accountId().equals(correction.administratorId());
    }
}
