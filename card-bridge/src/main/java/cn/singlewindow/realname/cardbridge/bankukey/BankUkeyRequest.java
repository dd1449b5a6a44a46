package cn.singlewindow.realname.cardbridge.bankukey;

import java.time.Instant;

/** What we send the bank, signed: which attempt, which enterprise, the state to echo, where to come back. */
public record BankUkeyRequest(String attemptId, String uscc, String state, String returnUrl, Instant expiresAt) {
}
