package cn.singlewindow.realname.messages.common;

/** A person's name as typed: stripped, 1 to 50 characters, no control characters. */
public final class PersonName {

    private PersonName() {
    }

    public static String of(String raw, String field) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty() || name.length() > 50 || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new RejectedException(Rejection.of("VALIDATION_FAILED",
                    "A name has 1 to 50 characters.", "请填写姓名（1至50个字符）。").onField(field));
        }
        return name;
    }
}
