package cn.singlewindow.realname.command.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.messages.enterprise.Uscc;
import cn.singlewindow.realname.messages.testing.SampleCodes;
import org.junit.jupiter.api.Test;

class AtMostTwoIdentityFieldsTest {

    private final Uscc uscc = Uscc.of(SampleCodes.randomUscc());
    private final Uscc other = Uscc.of(SampleCodes.randomUscc());

    @Test
    void counts_each_of_name_uscc_and_organisation_code_that_differs() {
        assertThat(AtMostTwoIdentityFields.changed("甲公司", uscc, uscc.orgCode(), "甲公司", uscc, uscc.orgCode()))
                .isZero();
        assertThat(AtMostTwoIdentityFields.changed("甲公司", uscc, uscc.orgCode(), "乙公司", uscc, uscc.orgCode()))
                .isEqualTo(1);
        assertThat(AtMostTwoIdentityFields.changed("甲公司", uscc, uscc.orgCode(), "甲公司", other, other.orgCode()))
                .isEqualTo(2);
        assertThat(AtMostTwoIdentityFields.changed("甲公司", uscc, uscc.orgCode(), "乙公司", other, other.orgCode()))
                .isEqualTo(3);
    }

    @Test
    void two_changed_fields_pass_and_three_are_refused_in_the_manuals_words() {
        assertThat(AtMostTwoIdentityFields.refusal(2)).isEmpty();
        assertThat(AtMostTwoIdentityFields.refusal(3)).hasValueSatisfying(rejection -> {
            assertThat(rejection.code()).isEqualTo("TOO_MANY_IDENTITY_FIELDS_CHANGED");
            assertThat(rejection.messageZh()).contains("最多只能修改两项");
        });
    }
}
