package cn.singlewindow.realname.messages.common;

/**
 * Why a command or input was refused: a stable code, English and Chinese text, and what the user can do next.
 * Serialisable, so it survives the trip back from a remote command handler as exception details.
 */
public record Rejection(String code, String message, String messageZh, String hint, String field) {

    public static Rejection of(String code, String message, String messageZh) {
        return new Rejection(code, message, messageZh, null, null);
    }

    public Rejection withHint(String newHint) {
        return new Rejection(code, message, messageZh, newHint, field);
    }

    public Rejection onField(String newField) {
        return new Rejection(code, message, messageZh, hint, newField);
    }
}
