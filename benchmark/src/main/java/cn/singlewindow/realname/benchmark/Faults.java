package cn.singlewindow.realname.benchmark;

import cn.singlewindow.realname.messages.testing.SampleCodes;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client side of faults/run.sh. {@code phase=load}: seeds enterprises, then 16 clients change their
 * administrators' accounts for a while, each value unique, and write every change the service acknowledged to a
 * file; the script kills the service or its database meanwhile. {@code phase=verify}: every acknowledged change
 * must be in the event store, and a rebuild must find the projections equal to the live ones.
 */
public final class Faults {

    private static final String PASSWORD = "Fault-admin-1";

    private Faults() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            options.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        GraphQl api = new GraphQl(options.get("url"));
        Path acks = Path.of(options.get("acks"));
        if ("load".equals(options.get("phase"))) {
            load(api, acks, Integer.parseInt(options.getOrDefault("seconds", "40")));
        } else {
            System.exit(verify(api, acks, options.get("jdbc")) ? 0 : 1);
        }
    }

    private static void load(GraphQl api, Path acks, int seconds) throws Exception {
        String ops = api.login("operations", "ops-sandbox-1");
        List<String[]> admins = new ArrayList<>();
        // Random, not the clock: two-nodes.sh starts a loader per node in the same millisecond.
        String run = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        for (int i = 0; i < 16; i++) {
            String username = "f" + run + "x" + i;
            String adminId = SampleCodes.randomResidentId();
            JsonNode imported = api.call(ops, "mutation i($input: ImportLegacyEnterpriseInput!) {"
                    + " importLegacyEnterprise(input: $input) { accounts { id } } }", Map.of("input", Map.of(
                    "name", "故障测试有限公司" + i, "uscc", SampleCodes.randomUscc(),
                    "legalRepName", "张法人", "legalRepDocumentType", "RESIDENT_ID_CARD",
                    "legalRepDocumentNumber", SampleCodes.randomResidentId(),
                    "origin", "LEGACY_INSPECTION", "administrator", Map.of("username", username, "initialPassword",
                            PASSWORD, "ownerName", "李管理", "documentType", "RESIDENT_ID_CARD", "documentNumber",
                            adminId, "idValidFrom", "20200101", "idValidTo", "20400101"))))
                    .get("importLegacyEnterprise");
            admins.add(new String[] {imported.get("accounts").get(0).get("id").asText(), adminId,
                    api.login(username, PASSWORD)});
        }
        System.out.println("LOAD READY");
        Files.writeString(acks, "");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(admins.size());
        for (int c = 0; c < admins.size(); c++) {
            String[] admin = admins.get(c);
            int client = c;
            clients.submit(() -> {
                for (int n = 0; System.nanoTime() < end; n++) {
                    // Unique per client and change: 16 clients x 20,000 days apart.
                    String validTo = LocalDate.of(2041, 1, 1).plusDays(client * 20_000L + n)
                            .format(DateTimeFormatter.BASIC_ISO_DATE);
                    try {
                        JsonNode answer = api.raw(admin[2], "mutation c($input: ChangeAccountInfoInput!) {"
                                + " changeAccountInfo(input: $input) { idValidTo } }", Map.of("input", Map.of(
                                "accountId", admin[0], "ownerName", "李管理", "documentType", "RESIDENT_ID_CARD",
                                "documentNumber", admin[1], "idValidFrom", "20200101", "idValidTo", validTo)));
                        if (!answer.has("errors") && answer.path("data").has("changeAccountInfo")) {
                            synchronized (acks) {
                                Files.writeString(acks, admin[0] + " " + validTo + "\n", StandardOpenOption.APPEND);
                            }
                            acknowledged.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (Exception down) {
                        failed.incrementAndGet();
                        sleep();
                    }
                }
                return null;
            });
        }
        clients.shutdown();
        clients.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        System.out.printf("Load: %d changes acknowledged, %d refused or unanswered (service or database down)%n",
                acknowledged.get(), failed.get());
    }

    private static boolean verify(GraphQl api, Path acks, String jdbcUrl) throws IOException, SQLException,
            InterruptedException {
        List<String> lines = Files.readAllLines(acks).stream().filter(line -> !line.isBlank()).toList();
        int missing = 0;
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement find = db.prepareStatement("SELECT count(*) FROM domain_event_entry WHERE"
                     + " aggregate_identifier = ? AND position(convert_to(?, 'UTF8') in payload) > 0")) {
            for (String line : lines) {
                String[] ack = line.split(" ");
                find.setString(1, ack[0]);
                find.setString(2, "\"idValidTo\":\"" + ack[1] + "\"");
                try (ResultSet count = find.executeQuery()) {
                    count.next();
                    if (count.getLong(1) == 0) {
                        missing++;
                        System.out.println("LOST: " + line);
                    }
                }
            }
        }
        System.out.printf("Verify: %d acknowledged changes, %d missing from the event store%n", lines.size(),
                missing);
        String ops = api.login("operations", "ops-sandbox-1");
        JsonNode status = api.rebuildProjections(ops, "eventsDone projectionsEqual"
                + " checks { table onlyLive onlyRebuilt }", progress -> { });
        System.out.printf("Rebuild %s over %d events; projections equal to a full rebuild: %s %s%n",
                status.get("state").asText(), status.get("eventsDone").asLong(),
                status.get("projectionsEqual").asBoolean(), status.get("checks"));
        return missing == 0 && status.get("projectionsEqual").asBoolean();
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
