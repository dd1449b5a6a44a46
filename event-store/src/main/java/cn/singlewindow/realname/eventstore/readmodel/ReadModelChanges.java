package cn.singlewindow.realname.eventstore.readmodel;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Receives the database's notifications and hands each to the channel it came on: changed enterprise rows (written by
 * triggers, whichever node or path changed them), for the views this node keeps of them, and whatever else a
 * {@link DatabaseChannel} keeps. On a connection of its own, outside the pool: it waits on its socket for as long as
 * the service runs. While it is not connected, every channel is told so and keeps nothing; once connected again, each
 * reads all afresh, since changes made meanwhile were never announced to it.
 */
@Component
public class ReadModelChanges implements SmartLifecycle {

    private static final String CHANNEL = "enterprise_read_model";

    private static final Logger log = LoggerFactory.getLogger(ReadModelChanges.class);
    private static final int WAIT_MILLIS = 500;
    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(1);
    /**
     * A connection whose database went away without closing it (a network partition) would otherwise wait for
     * notifications for good while other nodes' changes went unseen: a statement now and then, each with a bounded
     * wait for its answer (the connection's socket time-out), finds it dead within about 15 s.
     */
    private static final Duration CHECK_EVERY = Duration.ofSeconds(5);
    private static final String SOCKET_TIMEOUT_SECONDS = "10";

    private final HikariDataSource dataSource;
    private final Map<String, DatabaseChannel> channels = new LinkedHashMap<>();
    private volatile Thread listener;
    private volatile Connection connection;

    ReadModelChanges(HikariDataSource dataSource, ReadModelListener views, List<DatabaseChannel> others) {
        this.dataSource = dataSource;
        channels.put(CHANNEL, new EnterpriseRows(views));
        others.forEach(channel -> channels.put(channel.name(), channel));
    }

    /** The enterprise views' channel: an enterprise's id, or "*" for all. */
    private record EnterpriseRows(ReadModelListener views) implements DatabaseChannel {

        @Override
        public String name() {
            return CHANNEL;
        }

        @Override
        public void received(String enterpriseId) {
            if ("*".equals(enterpriseId)) {
                views.allChanged();
            } else {
                views.changed(enterpriseId);
            }
        }

        @Override
        public void listening(boolean listening) {
            views.listening(listening);
        }
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::listen, "read-model-changes");
        thread.setDaemon(true);
        listener = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = listener;
        listener = null;
        listening(false);
        if (thread != null) {
            thread.interrupt();
            closeQuietly(connection);
        }
    }

    @Override
    public boolean isRunning() {
        return listener != null;
    }

    /**
     * For a transaction that rewrites the projections wholesale (a rebuild): its rows announce nothing one by one
     * (a trigger call and a notification to keep until commit, per row); every node is told once, when it commits,
     * that everything may have changed. Nothing is announced if it rolls back.
     */
    public static void announceAllAtCommit(JdbcTemplate jdbc) {
        jdbc.execute("SET LOCAL realname.read_model_rebuild = on");
        jdbc.queryForList("SELECT pg_notify(?, '*')", CHANNEL);
    }

    private void listen() {
        boolean lost = false;
        while (listener == Thread.currentThread()) {
            try (Connection listening = connect()) {
                connection = listening;
                try (Statement listen = listening.createStatement()) {
                    for (String channel : channels.keySet()) {
                        listen.execute("LISTEN " + channel);
                    }
                }
                listening(true);
                if (lost) {
                    log.info("Receiving database notifications again; what they announce is kept in memory again");
                    lost = false;
                }
                receiveUntilStopped(listening);
            } catch (SQLException | RuntimeException failure) {
                listening(false);
                if (listener == Thread.currentThread()) {
                    if (!lost) {
                        log.warn("Not receiving read-model changes ({}); enterprise views are read from the database"
                                + " until they are received again", failure.getMessage());
                        lost = true;
                    }
                    pause();
                }
            }
        }
    }

    private void receiveUntilStopped(Connection listening) throws SQLException {
        PGConnection notifications = listening.unwrap(PGConnection.class);
        long nextCheck = System.nanoTime() + CHECK_EVERY.toNanos();
        while (listener == Thread.currentThread()) {
            PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
            if (received != null) {
                for (PGNotification notification : received) {
                    DatabaseChannel channel = channels.get(notification.getName());
                    if (channel != null) {
                        channel.received(notification.getParameter());
                    }
                }
            }
            if (System.nanoTime() - nextCheck >= 0) {
                try (Statement check = listening.createStatement()) {
                    check.execute("SELECT 1");
                }
                nextCheck = System.nanoTime() + CHECK_EVERY.toNanos();
            }
        }
    }

    private void listening(boolean listening) {
        channels.values().forEach(channel -> channel.listening(listening));
    }

    /** A connection with the pool's settings, but not one of its connections. */
    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.putAll(dataSource.getDataSourceProperties());
        if (dataSource.getUsername() != null) {
            properties.setProperty("user", dataSource.getUsername());
        }
        if (dataSource.getPassword() != null) {
            properties.setProperty("password", dataSource.getPassword());
        }
        properties.setProperty("ApplicationName", "realname read-model changes");
        properties.setProperty("socketTimeout", SOCKET_TIMEOUT_SECONDS);
        return DriverManager.getConnection(dataSource.getJdbcUrl(), properties);
    }

    private static void pause() {
        try {
            Thread.sleep(RECONNECT_AFTER.toMillis());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Stopping: the socket goes with the process anyway.
            }
        }
    }
}
