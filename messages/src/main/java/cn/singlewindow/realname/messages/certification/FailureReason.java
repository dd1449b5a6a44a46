package cn.singlewindow.realname.messages.certification;

import cn.singlewindow.realname.messages.common.Rejection;

/**
 * Why a certification check said no, or could not be made: every reason an event records and an attempt shows, each
 * with the manual's wording (manual §2.5.3) and what the user can do next. Events store the name; an event naming
 * anything else cannot be read, so a new reason is added here first.
 */
public enum FailureReason {

    // Legal representative, step 1 (manual §2.5.3.1)
    ENTERPRISE_INFO_MISMATCH("The enterprise information differs from the account's enterprise.",
            "企业信息与本账号所属企业信息不一致。",
            "CHANGE_ENTERPRISE_INFO: correct the enterprise information first (manual §2.3)."),
    REGISTRY_MISMATCH("The registry does not confirm the enterprise or its legal representative.",
            "因某些特殊原因，您的企业（或事业单位）信息无法通过系统核验，法定代表人身份认证无法完成。"
                    + "建议您使用其他方式进行企业实名认证，如银行Ukey认证、中国电子口岸IC卡认证（推荐此方法）等。",
            Hints.USE_OTHER_METHOD),
    REGISTRY_UNAVAILABLE("The enterprise registry cannot be reached right now.", "企业信息核验服务暂时无法访问，请稍后再试。",
            Hints.RETRY_LATER),

    // Identities, steps 2 and 3 and the owner's identity (manual §2.5.3.2, §2.5.3.3)
    IDENTITY_NOT_OF_THIS_STEP("This identity is not the one this step verifies.",
            "身份信息与本步骤要求的人员不一致（法定代表人须与第一步一致；管理员须为账号归属人）。",
            "SAME_PERSON: the legal representative from step 1, or the account owner."),
    IDENTITY_MISMATCH("The identity check did not confirm these details.", "身份信息核验未通过，请仔细检查填写的各项信息。",
            "CHECK_FIELDS: name, number and both validity dates (00000000 for long-term), or the card and the"
                    + " bank-reserved phone; or " + Hints.SWITCH_TO_BANK_CARD + "."),
    NOT_IN_CTID("The ID card is not in the trusted identity platform (CTID).",
            "被核验身份证不包含在可信身份认证平台中，请使用手机下载CTID APP程序同步身份证信息后再进行身份证认证。",
            "CTID_APP: sync the ID card with the CTID app, then try again; or " + Hints.SWITCH_TO_BANK_CARD + "."),
    IDENTITY_SERVICE_UNAVAILABLE("The identity check cannot be made right now.", "身份核验服务暂时无法访问，请稍后再试。",
            Hints.RETRY_LATER),
    BANK_CARD_SERVICE_UNAVAILABLE("The bank-card check cannot be made right now.", "银行卡核验服务暂时无法访问，请稍后再试。",
            Hints.RETRY_LATER),
    SMS_CODE_INVALID("The SMS code is wrong.", "手机验证码错误。",
            "CHECK_SMS_CODE: enter the code sent to the bank-reserved phone, or ask for a new one."),
    SMS_CODE_EXPIRED("The SMS code has expired.", "手机验证码已过期，请重新获取。", "NEW_SMS_CODE"),
    TOO_MANY_ATTEMPTS("Too many attempts; try again later.", "尝试次数过多，请稍后再试。", "START_AGAIN_LATER"),

    // IC card (manual §2.5.1)
    SIGNATURE_INVALID("The card's signature does not verify.", "卡介质签名验证失败，请确认使用本企业的卡介质并重试。",
            "RETRY_WITH_CARD: insert the card and sign again with the client control."),
    CERTIFICATE_UNTRUSTED("The card's certificate is not from the China E-Port CA.", "卡介质证书不是由中国电子口岸签发的有效证书。",
            "USE_EPORT_CARD: use a card made by China E-Port."),
    CERTIFICATE_EXPIRED("The card's certificate has expired.", "卡介质证书已过期，请办理证书更新。",
            "RENEW_CARD: renew the card's certificate at the E-Port service point."),
    CERTIFICATE_REVOKED("The card's certificate has been revoked.", "卡介质证书已被吊销。",
            "USE_ANOTHER_CARD: use a valid card of your enterprise."),
    CERTIFICATE_STATUS_UNKNOWN("The card's revocation status cannot be established right now.",
            "暂时无法确认卡介质证书是否已被吊销，请稍后再试。", Hints.RETRY_LATER),
    CARD_ENTERPRISE_MISMATCH("The card belongs to another enterprise.", "IC卡认证需使用本企业的卡介质（法人卡或操作员卡均可）。",
            "USE_OWN_ENTERPRISE_CARD: use your enterprise's legal-person or operator card."),

    // Bank UKey (manual §2.5.6): the bank's answer, and the callbacks that are not believed
    BANK_REFUSED("The bank did not certify the enterprise.", "银行未能完成企业实名认证。",
            "CHECK_WITH_BANK: sign in with the enterprise's own corporate UKey, or use another method."),
    CALLBACK_INVALID("A bank callback was forged, replayed, late or about another enterprise.",
            "银行认证结果无效（签名错误、重复提交、超时或企业不符），认证状态未改变。", Hints.START_AGAIN_AT_BANK),
    OTHER_ATTEMPT("The bank's answer names another attempt.", "银行返回的认证结果与本次认证不符。", Hints.START_AGAIN_AT_BANK),
    OTHER_ENTERPRISE("The bank's answer is about another enterprise.", "银行返回的认证结果属于其他企业。",
            Hints.START_AGAIN_AT_BANK),
    OTHER_BANK("The answer came through another bank than the one chosen.", "银行认证结果来自其他银行。",
            Hints.START_AGAIN_AT_BANK),
    REPLAYED_OR_UNKNOWN_STATE("The bank's answer was used before, or was never asked for.", "银行认证结果已被使用或无法识别。",
            Hints.START_AGAIN_AT_BANK),
    LATE("The bank's answer came after its time ran out.", "银行认证结果已超时。", Hints.START_AGAIN_AT_BANK),

    // Any attempt
    ATTEMPT_EXPIRED("The attempt was left idle too long.", "认证超时，请重新发起认证。", "START_AGAIN"),
    ATTEMPT_CLOSED("The attempt had already ended.", "该认证已结束，请重新发起认证。", "START_AGAIN");

    private final String message;
    private final String messageZh;
    private final String hint;

    FailureReason(String message, String messageZh, String hint) {
        this.message = message;
        this.messageZh = messageZh;
        this.hint = hint;
    }

    public String message() {
        return message;
    }

    public String messageZh() {
        return messageZh;
    }

    public String hint() {
        return hint;
    }

    /** The reason as a refusal, for answers that refuse rather than record. */
    public Rejection rejection() {
        return Rejection.of(name(), message, messageZh).withHint(hint);
    }

    /** The reason a stored code names; a code no reason has is a defect, not a reason. */
    public static FailureReason of(String code) {
        return valueOf(code);
    }

    /** The manual's advice, shared by several reasons. */
    public static final class Hints {

        public static final String USE_OTHER_METHOD = "USE_IC_CARD_OR_BANK_UKEY: your enterprise cannot be verified"
                + " this way; use the E-Port IC card (recommended) or a bank UKey.";
        public static final String SWITCH_TO_BANK_CARD = "SWITCH_TO_BANK_CARD";
        public static final String RETRY_LATER = "RETRY_LATER";
        public static final String START_AGAIN_AT_BANK = "START_AGAIN: start the bank UKey certification again from"
                + " the Single Window.";

        private Hints() {
        }
    }
}
