package cn.singlewindow.realname.command.enterprise;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.enterprise.EnterpriseOrigin;
import org.junit.jupiter.api.Test;

class MigratedEnterprisesOnlyTest {

    @Test
    void enterprises_migrated_from_legacy_systems_are_in_scope() {
        assertThatCode(() -> MigratedEnterprisesOnly.require(EnterpriseOrigin.LEGACY_INSPECTION))
                .doesNotThrowAnyException();
        assertThatCode(() -> MigratedEnterprisesOnly.require(EnterpriseOrigin.LOCAL_SYSTEM))
                .doesNotThrowAnyException();
    }

    @Test
    void enterprises_registered_on_the_single_window_or_logging_in_by_card_are_certified_already() {
        for (EnterpriseOrigin origin : new EnterpriseOrigin[] {EnterpriseOrigin.SINGLE_WINDOW_REGISTERED,
                EnterpriseOrigin.CARD_LOGIN}) {
            assertThatThrownBy(() -> MigratedEnterprisesOnly.require(origin)).isInstanceOf(RejectedException.class)
                    .hasMessageStartingWith("NOT_APPLICABLE");
        }
    }
}
