package cn.singlewindow.realname.command.account;

import cn.singlewindow.realname.messages.account.AccountId;
import java.time.Instant;

/** Ends sessions, in the transaction of the command that ends them. */
interface SessionCuts {

    /** One session, kept in mind until its token expires. */
    void end(String sessionId, Instant expiresAt);

    /** Every session of the account begun before {@code at}, but the one kept (none when null). */
    void endAllBut(AccountId accountId, String keptSessionId, Instant at);

    /** A disabled account has no session; an enabled one keeps the sessions begun after this. */
    void disabled(AccountId accountId, boolean disabled, Instant at);
}
