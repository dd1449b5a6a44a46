package cn.singlewindow.realname.eventstore.audit;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Takes an audit checkpoint every {@code realname.audit.checkpoint-interval} (0: only on demand). Every node runs the
 * timer; the checkpoints' lock makes one node at a time take it, and a node that finds nothing new signs nothing.
 */
@Component
class CheckpointSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSchedule.class);

    private final Checkpoints checkpoints;
    private final Duration interval;
    private ScheduledExecutorService timer;

    CheckpointSchedule(Checkpoints checkpoints,
                       AuditSettings settings) {
        this.checkpoints = checkpoints;
        this.interval = settings.checkpointInterval();
    }

    @Override
    public void start() {
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "audit-checkpoints");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::takeQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void takeQuietly() {
        try {
            checkpoints.take();
        } catch (RuntimeException failed) {
            // The database or the event store may be away for a while; the next round tries again.
            log.warn("Audit checkpoint not taken: {}", failed.getMessage());
        }
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null && !timer.isShutdown();
    }
}
