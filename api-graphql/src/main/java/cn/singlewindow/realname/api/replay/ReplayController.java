package cn.singlewindow.realname.api.replay;

import cn.singlewindow.realname.eventstore.rebuild.ProjectionRebuild;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.common.Rejection;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

@Controller
class ReplayController {

    static final Rejection ALREADY_RUNNING = Rejection.of("REPLAY_IN_PROGRESS",
            "A rebuild of the projections is already running; follow it with replayStatus.",
            "投影重建正在进行中，请通过 replayStatus 查看进度。");

    private final ProjectionRebuild rebuild;

    ReplayController(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @MutationMapping
    @PreAuthorize("hasRole('OPERATIONS')")
    ProjectionRebuild.Status rebuildProjections() {
        if (!rebuild.start()) {
            throw new RejectedException(ALREADY_RUNNING);
        }
        return rebuild.status();
    }

    @QueryMapping
    @PreAuthorize("hasRole('OPERATIONS')")
    ProjectionRebuild.Status replayStatus() {
        return rebuild.status();
    }
}
