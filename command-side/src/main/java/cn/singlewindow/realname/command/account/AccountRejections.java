package cn.singlewindow.realname.command.account;

import cn.singlewindow.realname.messages.common.Rejection;

final class AccountRejections {

    static final Rejection USERNAME_TAKEN = Rejection.of("USERNAME_TAKEN",
            "This user name is already taken.", "该用户名已被使用，请更换。").onField("username");

    static final Rejection USERNAME_INVALID = Rejection.of("VALIDATION_FAILED",
            "A user name has 4 to 32 letters, digits, '_', '.', '@' or '-'.",
            "用户名须为4至32位字母、数字或 _ . @ - 字符。").onField("username");

    static final Rejection BAD_CREDENTIALS = Rejection.of("BAD_CREDENTIALS",
            "The user name or password is wrong.", "用户名或密码错误。");

    static final Rejection TOO_MANY_ATTEMPTS = Rejection.of("TOO_MANY_ATTEMPTS",
            "Too many failed logins; try again later.", "登录失败次数过多，请稍后再试。")
            .withHint("Wait 15 minutes, or ask the enterprise administrator to check the account.");

    static final Rejection NOT_STAFF_ROLE = Rejection.of("VALIDATION_FAILED",
            "A staff account has role OPERATIONS, AUDITOR or ANALYST.",
            "工作人员账号的角色只能是运维、审计或分析。").onField("role");

    static final Rejection DUPLICATE_DOCUMENT_NUMBER = Rejection.of("DUPLICATE_DOCUMENT_NUMBER",
            "Another account of this enterprise has an owner with this document number.",
            "一个企业下的所有账号，其归属人的证件号码不能重复，修改后的证件号码不能与本企业其他操作员的证件号码重复。")
            .onField("documentNumber");

    static final Rejection IDENTITY_LOCKED = Rejection.of("IDENTITY_LOCKED",
            "The owner's identity has been verified; only the validity dates may still change.",
            "账号归属人身份已通过核验，只能修改证件有效日期。");

    static final Rejection NOT_PERSONAL = Rejection.of("NOT_APPLICABLE",
            "Only a personal account can ask to become an enterprise operator.",
            "只有个人账号可以申请升级为企业操作员。");

    static final Rejection ENTERPRISE_NOT_FOUND = Rejection.of("ENTERPRISE_NOT_FOUND",
            "No enterprise user has this USCC.",
            "未找到该统一社会信用代码对应的企业用户，请核对后重新填写。").onField("uscc");

    static final Rejection UPGRADE_ALREADY_PENDING = Rejection.of("UPGRADE_ALREADY_PENDING",
            "A request is already waiting for the enterprise administrator's decision.",
            "已有待审核的升级申请，请等待企业管理员处理。");

    static final Rejection REQUEST_NOT_PENDING = Rejection.of("REQUEST_NOT_PENDING",
            "This request is not waiting for a decision.", "该申请不存在或已处理。");

    static final Rejection STATUS_REASON_REQUIRED = Rejection.of("VALIDATION_FAILED",
            "Disabling or enabling an account needs a reason (at most 200 characters).",
            "停用或启用账号时请填写原因（不超过200个字符）。").onField("reason");

    static final Rejection ACCOUNT_DISABLED = Rejection.of("ACCOUNT_DISABLED",
            "This account has been disabled; ask the Single Window's operations staff.",
            "该账号已被停用，请联系单一窗口运维人员。");

    static final Rejection SAME_PASSWORD = Rejection.of("VALIDATION_FAILED",
            "The new password must differ from the current one.", "新密码不能与原密码相同。").onField("newPassword");

    static final Rejection REASON_REQUIRED = Rejection.of("VALIDATION_FAILED",
            "A rejection needs a reason (at most 200 characters).", "拒绝申请时请填写原因（不超过200个字符）。")
            .onField("reason");

    private AccountRejections() {
    }
}
