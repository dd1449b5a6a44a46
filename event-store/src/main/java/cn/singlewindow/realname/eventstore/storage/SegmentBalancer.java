package cn.singlewindow.realname.eventstore.storage;

import cn.singlewindow.realname.eventstore.rebuild.ProjectionTables;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Several nodes on one database split the projection's segments: a tracking processor's threads claim every free
 * segment, so the first node up would keep them all. Each node says every 5 s that it is alive; one holding more
 * than its share (segments / live nodes, rounded up) releases the surplus for 30 s, and another node's idle thread
 * claims it. Alone, a node keeps all its segments; when a node dies, its claims expire (10 s) and the others take
 * them back.
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);
    private static final String PROCESSOR = ProjectionTables.PROCESSING_GROUP;
    // The node name Axon's JDBC token store writes as the owner of a claim.
    private static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private ScheduledExecutorService timer;

    SegmentBalancer(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::balanceQuietly, 5, 5, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        timer.shutdownNow();
        try {
            jdbc.update("DELETE FROM processor_node WHERE node_id = ?", NODE);
        } catch (RuntimeException databaseDown) {
            // Forgotten after 15 s anyway.
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null && !timer.isShutdown();
    }

    private void balanceQuietly() {
        try {
            balance();
        } catch (RuntimeException failed) {
            // The database may be down for a while; the next round tries again.
            log.debug("Segment balancing skipped: {}", failed.getMessage());
        }
    }

    private void balance() {
        jdbc.update("INSERT INTO processor_node (node_id, seen_at) VALUES (?, now()) ON CONFLICT (node_id)"
                + " DO UPDATE SET seen_at = now()", NODE);
        int nodes = jdbc.queryForObject("SELECT count(*) FROM processor_node WHERE seen_at > now() - interval"
                + " '15 seconds'", Integer.class);
        int segments = jdbc.queryForObject("SELECT count(*) FROM token_entry WHERE processor_name = ?",
                Integer.class, PROCESSOR);
        TrackingEventProcessor processor = processing.eventProcessor(PROCESSOR, TrackingEventProcessor.class)
                .orElse(null);
        if (processor == null || nodes <= 1 || segments == 0) {
            return;
        }
        int share = (segments + nodes - 1) / nodes;
        List<Integer> mine = List.copyOf(processor.processingStatus().keySet());
        for (int i = share; i < mine.size(); i++) {
            log.info("{} live nodes share {} segments: releasing segment {} of {} for another node", nodes,
                    segments, mine.get(i), PROCESSOR);
            processor.releaseSegment(mine.get(i), 30, TimeUnit.SECONDS);
        }
    }
}
