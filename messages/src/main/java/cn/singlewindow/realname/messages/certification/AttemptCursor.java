package cn.singlewindow.realname.messages.certification;

import cn.singlewindow.realname.messages.common.AcceptedDates;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.common.Rejection;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Where a page of an enterprise's attempts ended: the last attempt's start and id (attempts are listed newest first).
 * Opaque to clients ({@code c1.} and base64url of "epoch-micros:attempt-id"), parsed strictly: anything this
 * service did not make is refused on the {@code after} field before a query runs.
 */
public record AttemptCursor(Instant startedAt, String attemptId) {

    public static final Rejection INVALID = Rejection.of("VALIDATION_FAILED",
            "Unknown cursor: use one this service gave.", "游标无效，请使用本服务返回的游标。").onField("after");
    private static final String VERSION = "c1.";
    private static final Pattern TEXT = Pattern.compile("(-?[0-9]{1,19}):([A-Za-z0-9-]{1,64})");

    public String encode() {
        long micros = startedAt.getEpochSecond() * 1_000_000 + startedAt.getNano() / 1_000;
        return VERSION + Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + ":" + attemptId).getBytes(StandardCharsets.UTF_8));
    }

    /** Null for no cursor. */
    public static AttemptCursor parse(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        if (!cursor.startsWith(VERSION)) {
            throw new RejectedException(INVALID);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor.substring(VERSION.length()))))
                    .toString();
            var parts = TEXT.matcher(text);
            if (!parts.matches()) {
                throw new RejectedException(INVALID);
            }
            long micros = Long.parseLong(parts.group(1));
            Instant startedAt = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000),
                    Math.floorMod(micros, 1_000_000) * 1_000L);
            if (!AcceptedDates.contains(startedAt)) {
                throw new RejectedException(INVALID);
            }
            return new AttemptCursor(startedAt, parts.group(2));
        } catch (IllegalArgumentException | CharacterCodingException malformed) {
            throw new RejectedException(INVALID);
        }
    }
}
