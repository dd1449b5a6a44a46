package cn.singlewindow.realname.api.migration;

import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.common.Rejection;
import cn.singlewindow.realname.api.common.Connection;
import cn.singlewindow.realname.api.error.ApiRejections;
import cn.singlewindow.realname.api.security.Access;
import cn.singlewindow.realname.messages.account.AccountRole;
import graphql.GraphQLContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** Where a bulk import stands, as it moves, and the rows it refused. */
@Controller
class LegacyImportQueries {

    private static final int DEFAULT_PAGE = 50;
    private static final Duration POLL = Duration.ofMillis(500);

    private final LegacyImports imports;

    LegacyImportQueries(LegacyImports imports) {
        this.imports = imports;
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('OPERATIONS', 'AUDITOR')")
    LegacyImports.Progress legacyImport(@Argument String id) {
        return imports.progress(id).orElse(null);
    }

    /**
     * The import now, then at every change until it ends; read from the database every half second (an import runs on
     * one node, and its watchers may be on any other).
     */
    @SubscriptionMapping
    Flux<LegacyImports.Progress> legacyImportProgress(@Argument String id, GraphQLContext context) {
        if (Access.actor(context).role() != AccountRole.OPERATIONS) {
            throw new RejectedException(ApiRejections.FORBIDDEN);
        }
        return Flux.interval(Duration.ZERO, POLL)
                .onBackpressureDrop()
                .publishOn(Schedulers.boundedElastic())
                .map(tick -> imports.progress(id))
                .takeWhile(Optional::isPresent)
                .map(Optional::get)
                .distinctUntilChanged()
                .takeUntil(progress -> !"RUNNING".equals(progress.state()));
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('OPERATIONS', 'AUDITOR')")
    Connection<LegacyImports.RejectedRow> legacyImportRejections(@Argument String id, @Argument Integer first, @Argument String after) {
        int afterLine = 0;
        if (after != null) {
            try {
                afterLine = Integer.parseInt(after);
            } catch (NumberFormatException notOurs) {
                throw new RejectedException(Rejection.of("VALIDATION_FAILED", "Not a cursor of this list.",
                        "分页游标无效。").onField("after"));
            }
        }
        int size = first == null ? DEFAULT_PAGE : first;
        List<LegacyImports.RejectedRow> rows = imports.rejections(id, size + 1, afterLine);
        boolean more = rows.size() > size;
        return Connection.of(more ? rows.subList(0, size) : rows, more, row -> Integer.toString(row.line()));
    }
}
