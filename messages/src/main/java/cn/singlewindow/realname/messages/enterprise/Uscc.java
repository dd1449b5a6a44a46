package cn.singlewindow.realname.messages.enterprise;

import cn.singlewindow.realname.messages.common.Codes;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.common.Rejection;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Unified social credit code per GB 32100-2015: 18 characters from a 31-character set (no I, O, Z, S, V), the
 * last a check character, positions 9-17 the organisation code (itself checked per GB 11714-1997).
 * The canonical constructor does not validate (stored events must always load); new input uses {@link #of}.
 */
public record Uscc(String value) {

    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public static final Rejection INVALID = Rejection.of("INVALID_USCC",
            "The unified social credit code is not a valid GB 32100 code.",
            "统一社会信用代码格式不正确，请核对后重新填写。").onField("uscc");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Uscc {
    }

    public static Uscc of(String raw) {
        String code = Codes.normalise(raw);
        if (!isValid(code)) {
            throw new RejectedException(INVALID);
        }
        return new Uscc(code);
    }

    public static boolean isValid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        Character expected = checkCharacter(code.substring(0, 17));
        return expected != null && expected == code.charAt(17) && OrgCode.isValid(code.substring(8, 17));
    }

    /** The check character for the first 17 characters, or null when one is outside the character set. */
    public static Character checkCharacter(String body) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CHARSET.indexOf(body.charAt(i));
            if (v < 0) {
                return null;
            }
            sum += v * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return CHARSET.charAt(check == 31 ? 0 : check);
    }

    /** Positions 9-17: the organisation code that entering a USCC fills in (manual §2.3). */
    public OrgCode orgCode() {
        return new OrgCode(value.substring(8, 17));
    }

    /** Manual §2.3 (1): the organisation code given, or, when none is, the one this code fills in. */
    public OrgCode orgCodeOr(OrgCode given) {
        return given == null ? orgCode() : given;
    }

    /** The same for a code as typed: blank is none, anything else must be a valid code. */
    public OrgCode orgCodeOr(String typed) {
        return orgCodeOr(typed == null || typed.isBlank() ? null : OrgCode.of(typed));
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
