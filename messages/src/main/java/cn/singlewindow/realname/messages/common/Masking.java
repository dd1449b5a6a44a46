package cn.singlewindow.realname.messages.common;

/**
 * Masks personal data for every response and log line. The shape follows the Single Window's own screens:
 * the start and the end stay readable so a person can recognise their own number, the middle does not.
 */
public final class Masking {

    private Masking() {
    }

    /** {@code 110101199003070011} becomes {@code 1101**********0011}. */
    public static String documentNumber(String number) {
        return keepEnds(number, 4, 4);
    }

    /** {@code 6222021234567890123} becomes {@code 6222***********0123}. */
    public static String bankCard(String number) {
        return keepEnds(number, 4, 4);
    }

    /** {@code 13812345678} becomes {@code 138****5678}. */
    public static String phone(String number) {
        return keepEnds(number, 3, 4);
    }

    private static String keepEnds(String value, int head, int tail) {
        if (value == null) {
            return null;
        }
        int length = value.length();
        if (length <= head + tail) {
            // Too short to show both ends without revealing most of it: show only the last character.
            return length <= 1 ? "*" : "*".repeat(length - 1) + value.charAt(length - 1);
        }
        return value.substring(0, head) + "*".repeat(length - head - tail) + value.substring(length - tail);
    }
}
