package cn.singlewindow.realname.eventstore.rebuild;

import java.util.List;
import java.util.function.Supplier;

/**
 * The tables that projections of {@link #PROCESSING_GROUP} write, as their owner gives them to a rebuild: each module
 * that projects into the group has one. A rebuild runs in one transaction: {@link #copyLive}, the group's reset
 * handlers, the replay inside {@link #replaying}, {@link #compareWithLive} after the events the live processor had
 * applied, the rest of the events, commit.
 */
public interface ProjectionTables {

    /** The tracking processor that keeps the read models, and that a rebuild replays. */
    String PROCESSING_GROUP = "enterprise-directory";

    /** A copy of each table as it is now, for {@link #compareWithLive}, kept until the transaction ends. */
    void copyLive();

    /** Each table against its copy, row for row. */
    List<ProjectionRebuild.TableCheck> compareWithLive();

    /** Runs the replay into the emptied tables (the owner may hold rows, or silence notifications, meanwhile). */
    default <T> T replaying(Supplier<T> replay) {
        return replay.get();
    }

    /** Writes what was applied so far: the end of a chunk of events. */
    default void flush() {
    }
}
