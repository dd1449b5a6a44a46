package cn.singlewindow.realname.messages.account;

import cn.singlewindow.realname.messages.common.Codes;
import cn.singlewindow.realname.messages.common.Masking;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.common.Rejection;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A person's identity document, its number checked by the rules of its kind. The canonical constructor does
 * not validate (stored events always load); new input goes through {@link #of}.
 */
public record IdentityDocument(DocumentType type, String number) {

    private static final int[] GB11643_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String GB11643_CHECKS = "10X98765432";
    private static final Pattern EIGHTEEN = Pattern.compile("\\d{17}[\\dX]");
    // E + 8 digits, E + letter (not I, O) + 7 digits, G + 8 digits, DE/SE/PE + 7 digits.
    private static final Pattern PRC_PASSPORT = Pattern.compile("E\\d{8}|E[A-HJ-NP-Z]\\d{7}|G\\d{8}|[DSP]E\\d{7}");
    // Mainland travel permit for Hong Kong and Macao residents: H or M, then 8 (or formerly 10) digits.
    private static final Pattern HK_MACAO = Pattern.compile("[HM]\\d{8}(\\d{2})?");
    // Mainland travel permit for Taiwan residents: 8 digits (since 2015), formerly 10.
    private static final Pattern TAIWAN = Pattern.compile("\\d{8}(\\d{2})?");
    // 2017 form: three Latin letters (nationality) and 12 digits; no public check scheme, so format only.
    private static final Pattern FOREIGN_2017 = Pattern.compile("[A-Z]{3}\\d{12}");

    public static final Rejection INVALID_NUMBER = Rejection.of("INVALID_DOCUMENT_NUMBER",
            "The document number is not valid for this document type.",
            "证件号码不正确，请核对证件类型和证件号码。").onField("documentNumber");

    public static final Rejection PASSPORT_NOT_PRC = Rejection.of("PASSPORT_NOT_PRC",
            "Only passports issued by the People's Republic of China are accepted.",
            "当选择证件类型为“护照”时，只能填写中华人民共和国制发的护照，不能填写境外机构制发的护照。")
            .onField("documentNumber");

    public static final Rejection TYPE_REQUIRED = Rejection.of("VALIDATION_FAILED",
            "The document type is required.", "请选择证件类型。").onField("documentType");

    public static IdentityDocument of(DocumentType type, String raw, LocalDate today) {
        if (type == null) {
            throw new RejectedException(TYPE_REQUIRED);
        }
        String number = Codes.normalise(raw);
        boolean valid = switch (type) {
            case RESIDENT_ID_CARD -> isResidentIdNumber(number, today);
            case HMT_RESIDENCE_PERMIT -> isResidencePermitNumber(number, today);
            case PRC_PASSPORT -> {
                if (!PRC_PASSPORT.matcher(number).matches()) {
                    throw new RejectedException(PASSPORT_NOT_PRC);
                }
                yield true;
            }
            case HK_MACAO_PERMIT -> HK_MACAO.matcher(number).matches();
            case TAIWAN_PERMIT -> TAIWAN.matcher(number).matches();
            case FOREIGN_PERMANENT_RESIDENT_ID -> FOREIGN_2017.matcher(number).matches()
                    || (number.startsWith("9") && hasGb11643Check(number));
        };
        if (!valid) {
            throw new RejectedException(INVALID_NUMBER);
        }
        return new IdentityDocument(type, number);
    }

    /** GB 11643-1999: address code (first digit 1-6), real birth date, sequence, MOD 11-2 check. */
    public static boolean isResidentIdNumber(String number, LocalDate today) {
        return hasGb11643Check(number) && number.charAt(0) >= '1' && number.charAt(0) <= '6'
                && hasBirthDate(number, today);
    }

    /** Residence permits of Hong Kong (810000), Macao (820000) and Taiwan (830000) residents. */
    public static boolean isResidencePermitNumber(String number, LocalDate today) {
        return hasGb11643Check(number)
                && (number.startsWith("810000") || number.startsWith("820000") || number.startsWith("830000"))
                && hasBirthDate(number, today);
    }

    public static boolean hasGb11643Check(String number) {
        if (number == null || !EIGHTEEN.matcher(number).matches()) {
            return false;
        }
        return checkCharacter(number.substring(0, 17)) == number.charAt(17);
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * GB11643_WEIGHTS[i];
        }
        return GB11643_CHECKS.charAt(sum % 11);
    }

    private static boolean hasBirthDate(String number, LocalDate today) {
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(number.substring(6, 10)),
                    Integer.parseInt(number.substring(10, 12)), Integer.parseInt(number.substring(12, 14)));
            return birth.getYear() >= 1900 && !birth.isAfter(today);
        } catch (DateTimeException | NumberFormatException e) {
            return false;
        }
    }

    public String masked() {
        return Masking.documentNumber(number);
    }

    @Override
    public String toString() {
        return type + ":" + masked();
    }
}
