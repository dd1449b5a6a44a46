package cn.singlewindow.realname.messages.account;

import java.time.Instant;

/**
 * Manual §2.1 安全退出: the session ends at once, on every node; {@code expiresAt} is when its token would have. A
 * token issued before sessions had ids ({@code sessionId} null) cannot be ended alone: every session of the account
 * begun until now ends.
 */
public record EndSession(AccountId accountId, String sessionId, Instant expiresAt) {
}
