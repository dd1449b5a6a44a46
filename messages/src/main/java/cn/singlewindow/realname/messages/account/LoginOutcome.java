package cn.singlewindow.realname.messages.account;

import cn.singlewindow.realname.messages.common.Rejection;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/**
 * A refused login is an answer, not an exception, so that the event recording it is committed.
 */
public record LoginOutcome(AccountId accountId, String username, AccountRole role, EnterpriseId enterpriseId,
                           Rejection rejection) {

    public static LoginOutcome accepted(AccountId accountId, String username, AccountRole role,
                                        EnterpriseId enterpriseId) {
        return new LoginOutcome(accountId, username, role, enterpriseId, null);
    }

    public static LoginOutcome rejected(Rejection rejection) {
        return new LoginOutcome(null, null, null, null, rejection);
    }

    public boolean accepted() {
        return rejection == null;
    }
}
