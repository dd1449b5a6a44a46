package cn.singlewindow.realname.api.error;

import cn.singlewindow.realname.messages.common.Rejection;

/** Refusals that the API itself gives, beside those of the domain rules. */
public final class ApiRejections {

    public static final Rejection UNAUTHENTICATED = Rejection.of("UNAUTHENTICATED",
            "Log in first.", "请先登录。");

    public static final Rejection FORBIDDEN = Rejection.of("FORBIDDEN",
            "You may not do this.", "您无权执行此操作。");

    public static final Rejection NOT_FOUND = Rejection.of("NOT_FOUND",
            "No such record.", "记录不存在。");

    public static final Rejection CONCURRENT_MODIFICATION = Rejection.of("CONCURRENT_MODIFICATION",
            "Someone changed this at the same moment; load it again and retry.",
            "数据已被他人同时修改，请刷新后重试。");

    private ApiRejections() {
    }

    public static Rejection invalidField(String field, String message, String messageZh) {
        return Rejection.of("VALIDATION_FAILED", message, messageZh).onField(field);
    }
}
