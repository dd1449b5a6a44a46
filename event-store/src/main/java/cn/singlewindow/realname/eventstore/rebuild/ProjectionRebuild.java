package cn.singlewindow.realname.eventstore.rebuild;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Rebuilds every projection of {@link ProjectionTables#PROCESSING_GROUP} from the event store, on whatever engine
 * holds it, and checks the rebuild against the live projections row for row.
 */
public interface ProjectionRebuild {

    /** The command-line option that runs a rebuild instead of the service. */
    String COMMAND_LINE_OPTION = "--rebuild-projections";

    enum State { IDLE, RUNNING, SUCCEEDED, FAILED }

    /** Rows of one table: as they were, as rebuilt, and how many are only on one side (a multiset difference). */
    record TableCheck(String table, long liveRows, long rebuiltRows, long onlyLive, long onlyRebuilt) {
        public boolean equal() {
            return onlyLive == 0 && onlyRebuilt == 0;
        }
    }

    record Status(State state, long eventsDone, long eventsTotal, Double eventsPerSecond, Double secondsLeft,
                  Instant startedAt, Instant finishedAt, List<TableCheck> checks, String failure) {

        static final Status IDLE = new Status(State.IDLE, 0, 0, null, null, null, null, List.of(), null);

        public boolean projectionsEqual() {
            return checks.stream().allMatch(TableCheck::equal);
        }
    }

    Status status();

    /** Starts a rebuild in the background; false when one is already running on this node. */
    boolean start();

    /** Runs a rebuild on this thread (the command-line tool), reporting progress to the listener. */
    Status run(Consumer<Status> listener);
}
