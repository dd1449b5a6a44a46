package cn.singlewindow.realname.messages.certification;

import cn.singlewindow.realname.messages.common.Rejection;
import cn.singlewindow.realname.messages.common.TimeAndIdCursor;
import java.time.Instant;

/**
 * Where a page of an enterprise's attempts ended: the last attempt's start and id (attempts are listed newest first).
 * Version {@code c1.} of {@link TimeAndIdCursor}.
 */
public record AttemptCursor(Instant startedAt, String attemptId) {

    public static final Rejection INVALID = TimeAndIdCursor.INVALID;
    private static final String VERSION = "c1.";

    public String encode() {
        return new TimeAndIdCursor(startedAt, attemptId).encode(VERSION);
    }

    /** Null for no cursor. */
    public static AttemptCursor parse(String cursor) {
        TimeAndIdCursor parsed = TimeAndIdCursor.parse(VERSION, cursor);
        return parsed == null ? null : new AttemptCursor(parsed.at(), parsed.id());
    }
}
