package cn.singlewindow.realname.messages.privacy;

import java.time.Instant;

/** What an erasure did: how many of the person's keys it destroyed (0 when none were left) and when. */
public record PersonalDataErasure(int keysErased, Instant erasedAt) {
}
