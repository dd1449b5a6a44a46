package cn.singlewindow.realname.messages.common;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Where a page ordered by an instant and an id ended. Opaque to clients (a version prefix, then base64url of
 * "epoch-micros:id"), parsed strictly: anything this service did not make is refused on the {@code after} field
 * before a query runs.
 */
public record TimeAndIdCursor(Instant at, String id) {

    public static final Rejection INVALID = Rejection.of("VALIDATION_FAILED",
            "Unknown cursor: use one this service gave.", "游标无效，请使用本服务返回的游标。").onField("after");
    private static final Pattern TEXT = Pattern.compile("(-?[0-9]{1,19}):([A-Za-z0-9-]{1,64})");

    public String encode(String version) {
        long micros = at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
        return version + Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Null for no cursor. */
    public static TimeAndIdCursor parse(String version, String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        if (!cursor.startsWith(version)) {
            throw new RejectedException(INVALID);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor.substring(version.length()))))
                    .toString();
            var parts = TEXT.matcher(text);
            if (!parts.matches()) {
                throw new RejectedException(INVALID);
            }
            long micros = Long.parseLong(parts.group(1));
            Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000),
                    Math.floorMod(micros, 1_000_000) * 1_000L);
            if (!AcceptedDates.contains(at)) {
                throw new RejectedException(INVALID);
            }
            return new TimeAndIdCursor(at, parts.group(2));
        } catch (IllegalArgumentException | CharacterCodingException malformed) {
            throw new RejectedException(INVALID);
        }
    }
}
