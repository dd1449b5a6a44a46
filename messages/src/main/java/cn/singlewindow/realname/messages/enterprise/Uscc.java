package cn.singlewindow.realname.messages.enterprise;

import cn.singlewindow.realname.messages.common.Codes;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.common.Rejection;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

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
        if (code == null || code.length() != 18 || !issuedBy(code.charAt(0), code.charAt(1))) {
            return false;
        }
        for (int i = 2; i < 8; i++) {
            // Positions 3-8: the registering authority's administrative division code (GB/T 2260), digits.
            if (code.charAt(i) < '0' || code.charAt(i) > '9') {
                return false;
            }
        }
        Character expected = checkCharacter(code.substring(0, 17));
        return expected != null && expected == code.charAt(17) && OrgCode.isValid(code.substring(8, 17));
    }

    /**
     * GB 32100-2015 table 1: the registration authorities (position 1) and the kinds of organisation each registers
     * (position 2). A code of any other pair, all zeros for one, is issued by no one even if its check characters fit.
     */
    private static final Map<Character, String> KINDS_BY_AUTHORITY = Map.ofEntries(
            Map.entry('1', "1239"),   // 机构编制: 机关, 事业单位, 中央编办直接管理的群众团体, 其他
            Map.entry('2', "19"),     // 外交: 外国常驻新闻机构, 其他
            Map.entry('3', "123459"), // 司法行政: 律师执业机构, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会, 其他
            Map.entry('4', "19"),     // 文化: 外国在华文化中心, 其他
            Map.entry('5', "1239"),   // 民政: 社会团体, 民办非企业单位, 基金会, 其他
            Map.entry('6', "129"),    // 旅游: 外国旅游部门常驻代表机构, 港澳台地区旅游部门常驻内地（大陆）代表机构, 其他
            Map.entry('7', "129"),    // 宗教: 宗教活动场所, 宗教院校, 其他
            Map.entry('8', "19"),     // 工会: 基层工会, 其他
            Map.entry('9', "123"),    // 工商（市场监管）: 企业, 个体工商户, 农民专业合作社
            Map.entry('A', "19"),     // 中央军委改革和编制办公室: 军队事业单位, 其他
            Map.entry('N', "1239"),   // 农业: 组级, 村级, 乡镇级集体经济组织, 其他
            Map.entry('Y', "1"));     // 其他

    private static boolean issuedBy(char authority, char kind) {
        String kinds = KINDS_BY_AUTHORITY.get(authority);
        return kinds != null && kinds.indexOf(kind) >= 0;
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
