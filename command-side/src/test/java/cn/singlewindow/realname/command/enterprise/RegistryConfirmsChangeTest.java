package cn.singlewindow.realname.command.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.command.enterprise.registry.EnterpriseRegistry;
import cn.singlewindow.realname.command.enterprise.registry.RegisteredEnterprise;
import cn.singlewindow.realname.command.enterprise.registry.RegisteredEnterprise.RegistrationStatus;
import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.enterprise.LegalRepresentative;
import cn.singlewindow.realname.messages.enterprise.Uscc;
import cn.singlewindow.realname.messages.testing.SampleCodes;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistryConfirmsChangeTest {

    private final Uscc uscc = Uscc.of(SampleCodes.randomUscc());

    private EnterpriseRegistry holding(String name, RegistrationStatus status) {
        return code -> code.equals(uscc) ? Optional.of(new RegisteredEnterprise(uscc, name, uscc.orgCode(),
                new LegalRepresentative("张三", DocumentType.RESIDENT_ID_CARD, "11010519491231002X"), status))
                : Optional.empty();
    }

    @Test
    void what_the_registry_holds_for_an_active_enterprise_is_confirmed() {
        assertThat(RegistryConfirmsChange.refusal(holding("新名称（北京）有限公司", RegistrationStatus.ACTIVE),
                "新名称(北京)有限公司", uscc, uscc.orgCode())).isEmpty();
    }

    @Test
    void another_name_a_closed_enterprise_or_an_unknown_uscc_is_refused_with_the_manuals_advice() {
        assertThat(RegistryConfirmsChange.refusal(holding("新名称有限公司", RegistrationStatus.ACTIVE), "别的名称有限公司",
                uscc, uscc.orgCode())).hasValueSatisfying(rejection -> {
                    assertThat(rejection.code()).isEqualTo("REGISTRY_MISMATCH");
                    assertThat(rejection.messageZh()).contains("国家企业信用信息公示系统");
                });
        assertThat(RegistryConfirmsChange.refusal(holding("新名称有限公司", RegistrationStatus.CLOSED), "新名称有限公司",
                uscc, uscc.orgCode())).isPresent();
        Uscc unknown = Uscc.of(SampleCodes.randomUscc());
        assertThat(RegistryConfirmsChange.refusal(holding("新名称有限公司", RegistrationStatus.ACTIVE), "新名称有限公司",
                unknown, unknown.orgCode())).isPresent();
    }
}
