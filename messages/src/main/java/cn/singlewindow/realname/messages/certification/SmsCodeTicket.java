package cn.singlewindow.realname.messages.certification;

import java.time.Instant;

/** Where a code went (masked) and until when it counts. */
public record SmsCodeTicket(String sentTo, Instant expiresAt, Instant resendAfter) {
}
