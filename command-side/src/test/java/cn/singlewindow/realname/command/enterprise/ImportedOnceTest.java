package cn.singlewindow.realname.command.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.NewAccount;
import cn.singlewindow.realname.messages.common.Password;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.enterprise.EnterpriseOrigin;
import cn.singlewindow.realname.messages.enterprise.ImportLegacyEnterprise;
import cn.singlewindow.realname.messages.enterprise.Uscc;
import cn.singlewindow.realname.messages.testing.SampleCodes;
import org.junit.jupiter.api.Test;

class ImportedOnceTest {

    private final Uscc uscc = Uscc.of(SampleCodes.randomUscc());
    private final ImportedOnce.ImportedAs earlier = new ImportedOnce.ImportedAs("测试贸易有限公司", uscc,
            uscc.orgCodeOr((String) null), EnterpriseOrigin.LEGACY_INSPECTION, AccountId.create());

    private ImportLegacyEnterprise again(String name, EnterpriseOrigin origin, String administrator) {
        return new ImportLegacyEnterprise(EnterpriseId.create(), name, uscc, uscc.orgCodeOr((String) null), null, origin,
                new NewAccount(AccountId.create(), administrator, new Password("Passw0rd-admin"), null));
    }

    @Test
    void the_same_enterprise_and_administrator_again_is_the_same_import_whatever_the_ids_and_password() {
        assertThat(ImportedOnce.same(earlier, "admin01",
                again(" 测试贸易有限公司 ", EnterpriseOrigin.LEGACY_INSPECTION, "ADMIN01"))).isTrue();
    }

    @Test
    void another_name_origin_or_administrator_is_another_import() {
        assertThat(ImportedOnce.same(earlier, "admin01",
                again("别的贸易有限公司", EnterpriseOrigin.LEGACY_INSPECTION, "admin01"))).isFalse();
        assertThat(ImportedOnce.same(earlier, "admin01",
                again("测试贸易有限公司", EnterpriseOrigin.LOCAL_SYSTEM, "admin01"))).isFalse();
        assertThat(ImportedOnce.same(earlier, "admin01",
                again("测试贸易有限公司", EnterpriseOrigin.LEGACY_INSPECTION, "admin02"))).isFalse();
    }
}
