package cn.singlewindow.realname.messages.account;

import cn.singlewindow.realname.messages.common.Refusal;
import cn.singlewindow.realname.messages.enterprise.EnterpriseEvent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/**
 * A login to this account was refused: a wrong password, a card refused (with the card's serial), or too many
 * attempts. Nothing about the account changes.
 */
public record LoginRejected(AccountId accountId, EnterpriseId enterpriseId, String reasonCode, String method,
                            String certificateSerial) implements EnterpriseEvent, Refusal {

    public LoginRejected {
        // Stored before card logins were recorded, when only password logins were.
        method = method == null ? "PASSWORD" : method;
    }
}
