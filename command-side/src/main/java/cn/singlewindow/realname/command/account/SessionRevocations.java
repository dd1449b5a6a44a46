package cn.singlewindow.realname.command.account;

import cn.singlewindow.realname.messages.account.AccountId;
import java.time.Instant;

/** Whether a session a token stands for has ended: logged out, cut by a password change, or its account disabled. */
public interface SessionRevocations {

    /**
     * @param sessionId the token's id, or null for a token issued without one (before sessions had ids): such a
     *                  session ends only with its account's sessions
     * @param issuedAt  when the token was issued
     */
    boolean ended(AccountId accountId, String sessionId, Instant issuedAt);
}
