package cn.singlewindow.realname.messages.enterprise;

import cn.singlewindow.realname.messages.common.Codes;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.common.Rejection;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Organisation code per GB 11714-1997: eight body characters (digits, or letters valued A=10 .. Z=35) and a
 * check character. Accepted with or without the hyphen before the check character, stored without.
 * The canonical constructor does not validate, so that stored events always deserialise; new input goes
 * through {@link #of(String)}.
 */
public record OrgCode(String value) {

    private static final int[] WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    public static final Rejection INVALID = Rejection.of("INVALID_ORG_CODE",
            "The organisation code is not a valid GB 11714 code.",
            "组织机构代码格式不正确，请核对后重新填写。").onField("orgCode");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public OrgCode {
    }

    public static OrgCode of(String raw) {
        String code = Codes.normalise(raw).replace("-", "");
        if (!isValid(code)) {
            throw new RejectedException(INVALID);
        }
        return new OrgCode(code);
    }

    public static boolean isValid(String code) {
        if (code == null || code.length() != 9) {
            return false;
        }
        Character expected = checkCharacter(code.substring(0, 8));
        return expected != null && expected == code.charAt(8);
    }

    /** The check character for eight body characters, or null when the body has a character outside 0-9 A-Z. */
    public static Character checkCharacter(String body) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            int v = valueOf(body.charAt(i));
            if (v < 0) {
                return null;
            }
            sum += v * WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return switch (check) {
            case 10 -> 'X';
            case 11 -> '0';
            default -> (char) ('0' + check);
        };
    }

    private static int valueOf(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        return -1;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
