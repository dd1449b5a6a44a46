package cn.singlewindow.realname.messages.correction;

import cn.singlewindow.realname.messages.common.TimeAndIdCursor;
import java.time.Instant;

/** Where a page of the queue ended: the last case's place in it and its id. Version {@code k1.}. */
public record CorrectionCursor(Instant queuedAt, String caseId) {

    private static final String VERSION = "k1.";

    public String encode() {
        return new TimeAndIdCursor(queuedAt, caseId).encode(VERSION);
    }

    /** Null for no cursor. */
    public static CorrectionCursor parse(String cursor) {
        TimeAndIdCursor parsed = TimeAndIdCursor.parse(VERSION, cursor);
        return parsed == null ? null : new CorrectionCursor(parsed.at(), parsed.id());
    }
}
