package cn.singlewindow.realname.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.singlewindow.realname.command.enterprise.UsccRegistry;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.enterprise.Uscc;
import cn.singlewindow.realname.messages.testing.SampleCodes;
import java.util.UUID;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The USCC index on PostgreSQL: a move from a code the enterprise no longer holds changes nothing and fails. */
class UsccRegistryTest extends RunningService {

    @Autowired
    UsccRegistry registry;

    @Test
    void a_move_from_a_code_already_moved_away_fails_as_a_concurrent_change_and_leaves_the_claim() {
        EnterpriseId enterprise = new EnterpriseId(UUID.randomUUID().toString());
        Uscc first = Uscc.of(SampleCodes.randomUscc());
        Uscc second = Uscc.of(SampleCodes.randomUscc());
        Uscc third = Uscc.of(SampleCodes.randomUscc());
        registry.claim(first, enterprise);
        registry.move(first, second, enterprise);

        // What a command that read the enterprise before the move above would try.
        assertThatThrownBy(() -> registry.move(first, third, enterprise)).isInstanceOf(ConcurrencyException.class);

        assertThat(jdbc.queryForList("SELECT uscc FROM enterprise_uscc WHERE enterprise_id = ?", String.class,
                enterprise.value())).containsExactly(second.value());
        jdbc.update("DELETE FROM enterprise_uscc WHERE enterprise_id = ?", enterprise.value());
    }
}
