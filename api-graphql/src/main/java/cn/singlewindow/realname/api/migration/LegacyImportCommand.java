package cn.singlewindow.realname.api.migration;

import cn.singlewindow.realname.eventstore.rebuild.ProgressLine;
import cn.singlewindow.realname.messages.common.AuditMetadata;
import cn.singlewindow.realname.messages.common.RejectedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.axonframework.messaging.MetaData;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar realname.jar --import FILE}: imports the file as {@code POST /legacy-imports} does, with a progress
 * bar on the terminal, then prints the counts and each refused line with its code and Chinese message. Exits 0 when
 * every row was imported or unchanged, 2 when some were refused, 1 when the import failed.
 */
@Component
class LegacyImportCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String OPTION = "import";
    static final String CHANNEL = "LEGACY_IMPORT_COMMAND_LINE";
    private static final long REDRAW_MILLIS = 500;
    private static final int PAGE = 500;

    private final LegacyImports imports;
    private final PrintStream out = System.out;
    private int exitCode;

    LegacyImportCommand(LegacyImports imports) {
        this.imports = imports;
    }

    /** The file named by {@code --import FILE} or {@code --import=FILE}, if the option is there. */
    static Path file(ApplicationArguments args) {
        List<String> given = args.getOptionValues(OPTION);
        if (given == null) {
            return null;
        }
        String name = !given.isEmpty() && !given.get(0).isBlank() ? given.get(0)
                : args.getNonOptionArgs().stream().findFirst().orElseThrow(() ->
                        new IllegalArgumentException("--import needs the file to import"));
        return Path.of(name);
    }

    @Override
    public void run(ApplicationArguments args) throws IOException, InterruptedException {
        Path file = file(args);
        if (file == null) {
            return;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        LegacyImports.Format format = name.endsWith(".ndjson") || name.endsWith(".jsonl")
                ? LegacyImports.Format.NDJSON : LegacyImports.Format.CSV;
        MetaData origin = MetaData.with(AuditMetadata.ACTOR, AuditMetadata.SYSTEM_ACTOR)
                .and(AuditMetadata.CLIENT_ADDRESS, "command line").and(AuditMetadata.CHANNEL, CHANNEL);
        String importId;
        try (InputStream in = Files.newInputStream(file)) {
            importId = imports.start(in, format, origin, AuditMetadata.SYSTEM_ACTOR);
        } catch (RejectedException refused) {
            out.println(file + ": " + refused.rejection().message() + " " + refused.rejection().messageZh());
            exitCode = 1;
            return;
        }
        LegacyImports.Progress progress = imports.progress(importId).orElseThrow();
        while ("RUNNING".equals(progress.state())) {
            out.print("\r" + bar(progress));
            out.flush();
            Thread.sleep(REDRAW_MILLIS);
            progress = imports.progress(importId).orElseThrow();
        }
        out.println("\r" + bar(progress));
        out.printf(Locale.ROOT, "%s: %,d rows, %,d imported, %,d unchanged, %,d refused%n", progress.state(),
                progress.rowsTotal(), progress.accepted(), progress.unchanged(), progress.rejected());
        int after = 0;
        for (List<LegacyImports.RejectedRow> page; !(page = imports.rejections(importId, PAGE, after)).isEmpty(); ) {
            for (LegacyImports.RejectedRow row : page) {
                out.printf(Locale.ROOT, "line %d  %s  %s  %s%n", row.line(), row.uscc() == null ? "-" : row.uscc(),
                        row.code(), row.messageZh());
                after = row.line();
            }
        }
        exitCode = !"SUCCEEDED".equals(progress.state()) ? 1 : progress.rejected() > 0 ? 2 : 0;
    }

    static String bar(LegacyImports.Progress progress) {
        return new ProgressLine(progress.rowsDone(), progress.rowsTotal(), progress.rowsPerSecond(),
                progress.secondsLeft() == null ? null : progress.secondsLeft().doubleValue(), "rows").text();
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
