package cn.singlewindow.realname.api.migration;

import cn.singlewindow.realname.api.common.Commands;
import cn.singlewindow.realname.api.enterprise.EnterpriseInputs.ImportLegacyEnterpriseInput;
import cn.singlewindow.realname.api.limits.InputLimits;
import cn.singlewindow.realname.eventstore.storage.DataDirectory;
import cn.singlewindow.realname.messages.common.ChinaTime;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.common.Rejection;
import cn.singlewindow.realname.messages.enterprise.ImportLegacyEnterprise;
import cn.singlewindow.realname.messages.enterprise.LegacyImportResult;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNonNull;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Bulk legacy imports (docs/migration.md): the file is kept under the data directory as it arrives (never whole in
 * memory), then read row by row; each row is checked by the schema's own limits of {@code importLegacyEnterprise}'s
 * input and imported by the same command, a few at once. A row imported before with the same data is unchanged; the
 * same file run again (after a failure, say) finishes what is left without a duplicate.
 */
@Component
public class LegacyImports implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LegacyImports.class);
    static final String CHANNEL = "LEGACY_IMPORT";
    private static final String MUTATION = "importLegacyEnterprise";

    /** The two formats a file may come in. */
    public enum Format { CSV, NDJSON }

    static final Rejection TOO_LARGE = Rejection.of("REQUEST_TOO_LARGE", "The file is larger than allowed.",
            "文件超过允许的大小。");
    static final Rejection EMPTY = Rejection.of("VALIDATION_FAILED", "The file has no rows.", "文件中没有数据行。");

    private final JdbcTemplate jdbc;
    private final Commands commands;
    private final GraphQlSource graphQl;
    private final ObjectMapper json;
    private final CsvMapper csv = new CsvMapper();
    private final LegacyImportSettings settings;
    private final Path directory;
    private final Clock clock;
    private final ExecutorService runs = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "legacy-import");
        thread.setDaemon(true);
        return thread;
    });
    /** The rows' commands: the command bus runs a handler on the sender's thread, so rows run at once on these. */
    private final ExecutorService rows;

    LegacyImports(JdbcTemplate jdbc, Commands commands, GraphQlSource graphQl, ObjectMapper json,
                  LegacyImportSettings settings, DataDirectory dataDirectory, Clock clock) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.graphQl = graphQl;
        this.json = json;
        this.settings = settings;
        this.directory = dataDirectory.dataDir().resolve("imports");
        this.clock = clock;
        this.rows = Executors.newFixedThreadPool(settings.inFlight(), runnable -> {
            Thread thread = new Thread(runnable, "legacy-import-row");
            thread.setDaemon(true);
            return thread;
        });
        csv.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    }

    /**
     * Keeps the file, counts its rows and starts importing them in the background; answers the import's id.
     * {@code origin} is the request's audit metadata, carried by every row's command.
     */
    public String start(InputStream body, Format format, MetaData origin, String startedBy) throws IOException {
        String importId = UUID.randomUUID().toString();
        Files.createDirectories(directory);
        Path file = directory.resolve(importId + "." + format.name().toLowerCase());
        long rows = keep(body, file);
        int total = (int) Math.max(0, format == Format.CSV ? rows - 1 : rows);
        if (total == 0) {
            Files.deleteIfExists(file);
            throw new RejectedException(EMPTY);
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                INSERT INTO legacy_import (import_id, format, state, rows_total, started_by, started_at, updated_at)
                VALUES (?, ?, 'RUNNING', ?, ?, ?, ?)""", importId, format.name(), total, startedBy, now, now);
        runs.submit(() -> run(importId, file, format, origin));
        return importId;
    }

    /** Copies the body to the file within the size limit; answers the number of lines that are not blank. */
    private long keep(InputStream body, Path file) throws IOException {
        long limit = settings.maxFileSize().toBytes();
        long size = 0;
        long lines = 0;
        boolean blank = true;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int read; (read = body.read(buffer)) != -1; ) {
                size += read;
                if (size > limit) {
                    out.close();
                    Files.deleteIfExists(file);
                    throw new RejectedException(TOO_LARGE);
                }
                for (int i = 0; i < read; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        lines += blank ? 0 : 1;
                        blank = true;
                    } else if (b != '\r' && b != ' ' && b != '\t') {
                        blank = false;
                    }
                }
                out.write(buffer, 0, read);
            }
        }
        return lines + (blank ? 0 : 1);
    }

    private void run(String importId, Path file, Format format, MetaData origin) {
        Semaphore window = new Semaphore(settings.inFlight());
        Tally tally = new Tally(importId);
        // The mutation's input as the schema declares it: what each row is checked against.
        GraphQLArgument argument = graphQl.schema().getMutationType().getFieldDefinition(MUTATION).getArgument("input");
        int maxChars = (int) Math.min(Integer.MAX_VALUE, settings.maxRowBytes().toBytes());
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> header = null;
            int lineNumber = 0;
            for (String line; (line = boundedLine(reader, maxChars)) != null; ) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                if (format == Format.CSV && header == null) {
                    if (line == TOO_LONG) {
                        throw new IllegalArgumentException("the header is longer than a row may be");
                    }
                    header = Arrays.asList(csvValues(line));
                    continue;
                }
                int at = lineNumber;
                Row row = line == TOO_LONG ? new Row(null, null, invalid("row", "The row is longer than allowed."))
                        : row(line, at, format, header, argument);
                if (row.refusal() != null) {
                    record(tally, at, row.uscc(), null, row.refusal());
                    continue;
                }
                window.acquire();
                ImportLegacyEnterprise command = row.command();
                rows.submit(() -> {
                    try {
                        LegacyImportResult result = commands.<LegacyImportResult>send(command, origin).join();
                        record(tally, at, command.uscc().value(), result, null);
                    } catch (RuntimeException failure) {
                        record(tally, at, command.uscc().value(), null, rejectionOf(failure));
                    } finally {
                        window.release();
                    }
                });
            }
            window.acquire(settings.inFlight());
            tally.write();
            finish(importId, "SUCCEEDED", null);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException failed) {
            log.warn("Legacy import {} failed: {}", importId, failed.toString());
            window.acquireUninterruptibly(settings.inFlight()); // the rows in the air still count
            tally.write();
            finish(importId, "FAILED", failed.getClass().getSimpleName());
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Legacy import {}: could not remove {}", importId, file);
            }
        }
    }

    /** A row as the command it becomes, or why it cannot be one. */
    private record Row(ImportLegacyEnterprise command, String uscc, Rejection refusal) {
    }

    /** Stands for a line longer than allowed, of which no more than the limit was read into memory. */
    private static final String TOO_LONG = new String("too long");

    /** The next line (without its end), {@link #TOO_LONG} past {@code maxChars}, or null at the end of the file. */
    private static String boundedLine(BufferedReader reader, int maxChars) throws IOException {
        StringBuilder line = new StringBuilder();
        boolean tooLong = false;
        int c;
        while ((c = reader.read()) != -1 && c != '\n') {
            if (line.length() < maxChars) {
                line.append((char) c);
            } else {
                tooLong = true;
            }
        }
        if (c == -1 && line.isEmpty() && !tooLong) {
            return null;
        }
        if (tooLong) {
            return TOO_LONG;
        }
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
    }

    private Row row(String line, int lineNumber, Format format, List<String> header, GraphQLArgument argument) {
        String uscc = null;
        try {
            Map<String, Object> input = nested(format == Format.CSV ? csvRow(header, line) : jsonRow(line));
            uscc = input.get("uscc") instanceof String given ? given : null;
            requirePresent((GraphQLInputObjectType) ((GraphQLNonNull) argument.getType()).getWrappedType(),
                    input, "");
            InputLimits.check(List.of(argument), Map.<String, Object>of("input", input));
            ImportLegacyEnterpriseInput typed = json.convertValue(input, ImportLegacyEnterpriseInput.class);
            return new Row(typed.toCommand(ChinaTime.today(clock)), uscc, null);
        } catch (RejectedException refused) {
            return new Row(null, uscc, refused.rejection());
        } catch (IllegalArgumentException | IOException unreadable) {
            return new Row(null, uscc, invalid("row", "Not a row of this format, or a value of the wrong kind (line "
                    + lineNumber + ")."));
        }
    }

    private Map<String, Object> csvRow(List<String> header, String line) throws IOException {
        String[] values = csvValues(line);
        if (values.length != header.size()) {
            throw new RejectedException(invalid("row", "The row has " + values.length + " values and the header "
                    + header.size() + " names."));
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (!values[i].isEmpty()) {
                row.put(header.get(i).strip(), values[i]);
            }
        }
        return row;
    }

    /** One line's values (a file read as arrays: WRAP_AS_ARRAY, each row one of them). */
    private String[] csvValues(String line) {
        try (MappingIterator<String[]> values = csv.readerFor(String[].class).readValues(line)) {
            return values.hasNext() ? values.next() : new String[0];
        } catch (IOException | RuntimeException unreadable) {
            throw new IllegalArgumentException(unreadable);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> jsonRow(String line) throws IOException {
        return json.readValue(line, LinkedHashMap.class);
    }

    /** {@code administrator.username} and the like as the input's nested object. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(Map<String, Object> flat) {
        Map<String, Object> nested = new LinkedHashMap<>();
        flat.forEach((key, value) -> {
            int dot = key.indexOf('.');
            if (dot < 0) {
                nested.merge(key, value, (a, b) -> a instanceof Map<?, ?> ? a : b);
            } else {
                ((Map<String, Object>) nested.computeIfAbsent(key.substring(0, dot), any -> new LinkedHashMap<>()))
                        .put(key.substring(dot + 1), value);
            }
        });
        return nested;
    }

    /** The schema's required fields, as GraphQL would have refused a request without them. */
    @SuppressWarnings("unchecked")
    private static void requirePresent(GraphQLInputObjectType type, Map<String, Object> values, String prefix) {
        for (GraphQLInputObjectField field : type.getFieldDefinitions()) {
            Object value = values.get(field.getName());
            if (field.getType() instanceof GraphQLNonNull required) {
                if (value == null || value instanceof String text && text.isBlank()) {
                    throw new RejectedException(invalid(prefix + field.getName(), prefix + field.getName()
                            + " is required."));
                }
                if (required.getWrappedType() instanceof GraphQLInputObjectType inner && value instanceof Map<?, ?>) {
                    requirePresent(inner, (Map<String, Object>) value, prefix + field.getName() + ".");
                }
            }
        }
    }

    private static Rejection invalid(String field, String message) {
        return Rejection.of("VALIDATION_FAILED", message, "数据行格式或取值不正确：" + field + "。").onField(field);
    }

    private static Rejection rejectionOf(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof RejectedException refused) {
            return refused.rejection();
        }
        if (cause instanceof CommandExecutionException command && command.getDetails().orElse(null)
                instanceof Rejection rejection) {
            return rejection;
        }
        log.warn("Legacy import row failed unexpectedly: {}", cause.toString());
        return Rejection.of("INTERNAL_ERROR", "The row could not be imported; run the file again.",
                "该行未能导入，请重新导入该文件。");
    }

    private void record(Tally tally, int line, String uscc, LegacyImportResult result, Rejection refusal) {
        if (refusal != null) {
            jdbc.update("""
                    INSERT INTO legacy_import_rejection (import_id, line, uscc, code, message, message_zh)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", tally.importId, line,
                    uscc == null || uscc.length() > 40 ? null : uscc, refusal.code(), clip(refusal.message()),
                    clip(refusal.messageZh()));
        }
        tally.add(refusal != null, result != null && result.outcome() == LegacyImportResult.Outcome.UNCHANGED);
    }

    /**
     * A run's counts since they were last written. Written at most every {@link #WRITE_EVERY}: one update of the
     * import's row per row imported was a transaction per row, all of them queued on that row's lock.
     */
    private final class Tally {

        private static final long WRITE_EVERY = Duration.ofMillis(250).toNanos();

        private final String importId;
        private int accepted;
        private int unchanged;
        private int rejected;
        private long writtenAt = System.nanoTime();

        Tally(String importId) {
            this.importId = importId;
        }

        synchronized void add(boolean refused, boolean unchangedRow) {
            if (refused) {
                rejected++;
            } else if (unchangedRow) {
                unchanged++;
            } else {
                accepted++;
            }
            if (System.nanoTime() - writtenAt >= WRITE_EVERY) {
                write();
            }
        }

        synchronized void write() {
            writtenAt = System.nanoTime();
            int done = accepted + unchanged + rejected;
            if (done == 0) {
                return;
            }
            jdbc.update("""
                    UPDATE legacy_import SET rows_done = rows_done + ?, accepted = accepted + ?,
                        unchanged = unchanged + ?, rejected = rejected + ?, updated_at = ? WHERE import_id = ?""",
                    done, accepted, unchanged, rejected, Timestamp.from(clock.instant()), importId);
            accepted = 0;
            unchanged = 0;
            rejected = 0;
        }
    }

    private static String clip(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }

    private void finish(String importId, String state, String failure) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("UPDATE legacy_import SET state = ?, failure = ?, finished_at = ?, updated_at = ?"
                + " WHERE import_id = ?", state, failure, now, now, importId);
    }

    /** An import as shown: a RUNNING one that has not moved for a minute was interrupted, and shows FAILED. */
    public record Progress(String id, String state, int rowsTotal, int rowsDone, int accepted, int unchanged,
                           int rejected, Double rowsPerSecond, Long secondsLeft, Instant startedAt,
                           Instant finishedAt) {
    }

    public record RejectedRow(int line, String uscc, String code, String message, String messageZh) {
    }

    public Optional<Progress> progress(String importId) {
        return jdbc.query("""
                SELECT import_id, CASE WHEN state = 'RUNNING' AND updated_at < now() - interval '1 minute'
                    THEN 'FAILED' ELSE state END, rows_total, rows_done, accepted, unchanged, rejected, started_at,
                    updated_at, finished_at
                FROM legacy_import WHERE import_id = ?""", (rs, row) -> {
            int total = rs.getInt(3);
            int done = rs.getInt(4);
            Instant started = rs.getTimestamp(8).toInstant();
            Instant moved = rs.getTimestamp(9).toInstant();
            double seconds = Math.max(0.001, Duration.between(started, moved).toMillis() / 1000.0);
            Double rate = done == 0 ? null : done / seconds;
            Long left = rate == null || !"RUNNING".equals(rs.getString(2)) ? null
                    : Math.round((total - done) / rate);
            Timestamp finished = rs.getTimestamp(10);
            return new Progress(rs.getString(1), rs.getString(2), total, done, rs.getInt(5), rs.getInt(6),
                    rs.getInt(7), rate, left, started, finished == null ? null : finished.toInstant());
        }, importId).stream().findFirst();
    }

    /** Rejected rows in line order, {@code first} after line {@code afterLine}. */
    public List<RejectedRow> rejections(String importId, int first, int afterLine) {
        return jdbc.query("""
                SELECT line, uscc, code, message, message_zh FROM legacy_import_rejection
                WHERE import_id = ? AND line > ? ORDER BY line LIMIT ?""", (rs, row) -> new RejectedRow(rs.getInt(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)), importId, afterLine, first);
    }

    @Override
    public void destroy() {
        runs.shutdownNow();
        rows.shutdownNow();
    }
}
