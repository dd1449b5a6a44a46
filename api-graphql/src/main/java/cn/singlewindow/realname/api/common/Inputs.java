package cn.singlewindow.realname.api.common;

import cn.singlewindow.realname.api.error.ApiRejections;
import cn.singlewindow.realname.messages.common.RejectedException;

/** Plain shape checks of free-text input, before anything is sent. */
public final class Inputs {

    private Inputs() {
    }

    public static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank() || value.strip().length() > maxLength) {
            throw new RejectedException(ApiRejections.invalidField(field,
                    field + " is required, at most " + maxLength + " characters.",
                    "请填写" + field + "（不超过" + maxLength + "个字符）。"));
        }
        return value.strip();
    }

    public static String optionalText(String field, String value, int maxLength) {
        return value == null || value.isBlank() ? null : text(field, value, maxLength);
    }
}
