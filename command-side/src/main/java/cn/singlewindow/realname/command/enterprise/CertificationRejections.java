package cn.singlewindow.realname.command.enterprise;

import cn.singlewindow.realname.messages.certification.FailureReason;
import cn.singlewindow.realname.messages.common.Rejection;

/** Refusals and failure reasons of the certification methods, in the manual's words where it has them. */
final class CertificationRejections {

    static final Rejection STEP_OUT_OF_ORDER = Rejection.of("STEP_OUT_OF_ORDER",
            "This step is not the attempt's current step.", "请按顺序完成认证步骤。");
    static final Rejection ATTEMPT_NOT_FOUND = Rejection.of("NOT_FOUND",
            "No such certification attempt for this enterprise.", "认证记录不存在。");
    static final Rejection ATTEMPT_CLOSED = Rejection.of("ATTEMPT_CLOSED",
            "This attempt is over; start a new one.", "本次认证已结束，请重新发起认证。");
    static final Rejection ALREADY_PASSED = Rejection.of("NOT_APPLICABLE",
            "The enterprise has already passed this certification method.", "企业已通过该方式的实名认证。");
    static final Rejection OWNER_ALREADY_VERIFIED = Rejection.of("NOT_APPLICABLE",
            "The account owner's identity has already been verified.", "账号归属人身份信息已通过认证。");
    static final Rejection ACCOUNT_INFO_INCOMPLETE = Rejection.of("ACCOUNT_INFO_INCOMPLETE",
            "Complete the account owner's information first (manual §2.4).", "请先完善账号信息（证件类型、证件号码等）。");
    static final Rejection ID_CARD_ROUTE_NOT_APPLICABLE = Rejection.of("NOT_APPLICABLE",
            "The ID card route is only for a resident ID card; use the bank card route.",
            "身份证认证方式只支持证件类型为身份证的情况，请使用银行卡认证。")
            .withHint(FailureReason.Hints.SWITCH_TO_BANK_CARD);
    static final Rejection INVALID_PHONE = Rejection.of("VALIDATION_FAILED",
            "A mainland mobile number has 11 digits starting with 1.", "请填写正确的银行预留手机号。")
            .onField("phone");
    static final Rejection INVALID_BANK_CARD = Rejection.of("VALIDATION_FAILED",
            "A bank card number has 12 to 19 digits.", "请填写正确的银行卡号。").onField("bankCardNumber");
    static final Rejection SMS_RESEND_TOO_SOON = Rejection.of("TOO_MANY_ATTEMPTS",
            "A code was sent less than 60 seconds ago; wait before asking for another.", "验证码已发送，请60秒后再试。");
    static final Rejection SMS_DAILY_LIMIT = Rejection.of("TOO_MANY_ATTEMPTS",
            "No more SMS codes today for this phone or this attempt.",
            "今日该手机号或本次认证获取验证码的次数已达上限，请明日再试。");
    static final Rejection SMS_UNAVAILABLE = Rejection.of("SMS_UNAVAILABLE",
            "The SMS could not be sent right now; try again later.", "短信发送失败，请稍后再试。");

    private CertificationRejections() {
    }
}
