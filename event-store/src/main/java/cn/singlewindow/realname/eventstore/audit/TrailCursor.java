package cn.singlewindow.realname.eventstore.audit;

import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.common.Rejection;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a page of an enterprise's trail ended: the last entry's place in the trail's order and, for each stream, the
 * sequence to read on from. Opaque to clients ({@code a1.} and base64url), parsed strictly: anything else is refused.
 */
record TrailCursor(Position last, Map<String, Long> nextSequences) {

    /**
     * An entry's place in the trail: by time, the enterprise's own stream before its accounts' at the same instant
     * (a command on the enterprise changes it first, its accounts then), then by stream and sequence.
     */
    record Position(Instant at, int rank, String aggregateId, long sequence) implements Comparable<Position> {

        private static final Comparator<Position> ORDER = Comparator.comparing(Position::at)
                .thenComparingInt(Position::rank).thenComparing(Position::aggregateId)
                .thenComparingLong(Position::sequence);

        @Override
        public int compareTo(Position other) {
            return ORDER.compare(this, other);
        }
    }

    static final Rejection INVALID = Rejection.of("VALIDATION_FAILED", "Unknown cursor: use one this service gave.",
            "游标无效，请使用本服务返回的游标。").onField("after");
    private static final String VERSION = "a1.";
    private static final int MAX_LENGTH = 65_536;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,19}");

    String encode() {
        StringBuilder text = new StringBuilder().append(last.at().getEpochSecond()).append(':')
                .append(last.at().getNano()).append(':').append(last.rank()).append(':').append(last.aggregateId())
                .append(':').append(last.sequence()).append('|');
        String separator = "";
        for (Map.Entry<String, Long> next : nextSequences.entrySet()) {
            text.append(separator).append(next.getKey()).append('=').append(next.getValue());
            separator = ",";
        }
        return VERSION + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Null for no cursor; refuses anything this service did not make. */
    static TrailCursor decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        if (cursor.length() > MAX_LENGTH || !cursor.startsWith(VERSION)) {
            throw new RejectedException(INVALID);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor.substring(VERSION.length()))))
                    .toString();
            String[] halves = text.split("\\|", -1);
            String[] place = halves.length == 2 ? halves[0].split(":", -1) : new String[0];
            if (place.length != 5) {
                throw new RejectedException(INVALID);
            }
            long seconds = number(place[0], Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond());
            long nanos = number(place[1], 0, 999_999_999);
            int rank = (int) number(place[2], 0, 1);
            Position last = new Position(Instant.ofEpochSecond(seconds, nanos), rank, id(place[3]),
                    number(place[4], 0, Long.MAX_VALUE));
            Map<String, Long> next = new LinkedHashMap<>();
            if (!halves[1].isEmpty()) {
                for (String pair : halves[1].split(",", -1)) {
                    String[] parts = pair.split("=", -1);
                    if (parts.length != 2 || next.put(id(parts[0]), number(parts[1], 0, Long.MAX_VALUE)) != null) {
                        throw new RejectedException(INVALID);
                    }
                }
            }
            return new TrailCursor(last, next);
        } catch (IllegalArgumentException | CharacterCodingException malformed) {
            throw new RejectedException(INVALID);
        }
    }

    private static String id(String text) {
        if (!ID.matcher(text).matches()) {
            throw new RejectedException(INVALID);
        }
        return text;
    }

    private static long number(String text, long min, long max) {
        if (!NUMBER.matcher(text).matches()) {
            throw new RejectedException(INVALID);
        }
        long value = Long.parseLong(text);
        if (value < min || value > max) {
            throw new RejectedException(INVALID);
        }
        return value;
    }
}
