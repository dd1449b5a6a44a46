package cn.singlewindow.realname.command.account;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.singlewindow.realname.messages.common.Password;
import cn.singlewindow.realname.messages.common.RejectedException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    private void refused(String username, String password, String reason) {
        assertThatThrownBy(() -> policy.check(username, new Password(password))).as(password)
                .isInstanceOfSatisfying(RejectedException.class, refusal -> org.assertj.core.api.Assertions
                        .assertThat(refusal.rejection().message()).contains(reason));
    }

    @Test
    void a_common_password_is_refused_whatever_its_case() {
        refused("zhangsan", "password1", "most common");
        refused("zhangsan", "abcd1234", "most common");
        refused("zhangsan", "Password1", "most common");
        refused("zhangsan", "QWERTY123", "most common");
    }

    @Test
    void a_password_made_from_the_user_name_is_refused() {
        refused("bars-ops", "bars-ops1", "user name");
        refused("bars-ops", "BARS-OPS2026", "user name");
        refused("bars-ops", "spo-sRAB9", "user name");
        refused("wang.fang88", "wang.fang88", "user name");
    }

    @Test
    void a_short_or_letterless_or_digitless_password_is_too_weak() {
        refused("zhangsan", "a1b2c3", "8 to 64");
        refused("zhangsan", "12345678901", "8 to 64");
        refused("zhangsan", "no-digits-here", "8 to 64");
        refused("zhangsan", "中".repeat(30) + "1", "72 bytes");
    }

    @Test
    void an_uncommon_password_unrelated_to_the_name_is_accepted() {
        assertThatCode(() -> policy.check("zhangsan", new Password("Tide-7-Lantern-Moss"))).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("li", new Password("Li-is-short-9"))).as("names under 3 characters")
                .doesNotThrowAnyException();
    }
}
