package cn.singlewindow.realname.eventstore.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RebuildCommandTest {

    @Test
    void the_bar_shows_the_share_done_the_counts_the_rate_and_the_time_left() {
        var halfway = new ProjectionRebuild.Status(ProjectionRebuild.State.RUNNING, 5_000, 10_000, 2_000.0, 2.5, null,
                null, List.of(), null);
        assertThat(RebuildCommand.bar(halfway))
                .isEqualTo("[###############...............]  50%  5,000/10,000 events  2,000 events/s  0:03 left");
    }
}
