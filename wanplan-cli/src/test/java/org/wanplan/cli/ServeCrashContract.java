package org.wanplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wanplan.store.Database;
import org.wanplan.store.Order;
import org.wanplan.store.OrderState;
import org.wanplan.store.Role;

/**
 * Crash safety: {@code wanplan serve} runs as its own process; a burst of order creations, submissions
 * and reservations is under way when the process is killed with SIGKILL ({@code kill -9}). Restarted on
 * the same database, every order holds either all of its bandwidth (reserved) or none (any other
 * state), each span's reserved total is exactly the sum of what the orders hold, every reservation
 * acknowledged before the kill is still there, and the start-up integrity check found nothing to mend
 * (no {@code recovery} line in the audit log): both databases keep transactions atomic across a crash.
 *
 * <p>Each round kills the server mid-burst, restarts it, checks, and cancels the reserved orders so the
 * next round's burst reserves again; {@code -Dwanplan.crash.rounds=N} runs N rounds (the suite runs
 * {@link #defaultRounds()}).
 */
abstract class ServeCrashContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One client per server: nothing pooled for a killed server is offered to its successor. */
    private final Map<Integer, HttpClient> clients = new java.util.concurrent.ConcurrentHashMap<>();

    /** The latest lines each server printed (its access log), shown when a request hangs. */
    private final java.util.Deque<String> serverLog = new java.util.concurrent.ConcurrentLinkedDeque<>();

    @TempDir
    Path dir;

    /** The store options of {@code wanplan serve} and {@code wanplan token create} for this database. */
    abstract List<String> storeArgs();

    /** Environment for those processes (database credentials). */
    Map<String, String> env() {
        return Map.of();
    }

    /** The same database, opened in the test. */
    abstract Database open() throws Exception;

    /** Kill-and-restart rounds in the test suite. */
    abstract int defaultRounds();

    /** What the restarted server printed before it served (its integrity report, if any). */
    private final List<String> preamble = new ArrayList<>();

    private final List<Process> started = new ArrayList<>();

    /** No server outlives its test, whatever failed. */
    @org.junit.jupiter.api.AfterEach
    void killServers() throws Exception {
        for (Process p : started) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void killed_mid_burst_the_server_restarts_with_nothing_half_done_and_nothing_to_mend() throws Exception {
        String token;
        try (Database db = open()) {
            token = db.tokens().create(Role.PLANNER, "crash-test");
        }
        Process server = serve();
        int port = port(server);
        String design = post(port, token, "/api/v1/designs", """
                        {"customer": "Crash", "network": "sparse", "sites": [
                          {"id": "paris", "city": "Paris", "country": "FR", "role": "hub", "bandwidthMbps": 4000},
                          {"id": "lyon", "city": "Lyon", "country": "FR", "bandwidthMbps": 4000},
                          {"id": "milan", "city": "Milan", "country": "IT", "bandwidthMbps": 4000},
                          {"id": "madrid", "city": "Madrid", "country": "ES", "bandwidthMbps": 4000}
                        ]}""").get("id").asText();
        int rounds = Integer.getInteger("wanplan.crash.rounds", defaultRounds());
        for (int round = 1; round <= rounds; round++) {
            java.util.Set<String> acknowledged = burstUntilKilled(server, port, token, design);
            server = serve();
            port = port(server);
            assertThat(preamble)
                    .as("round %d: the integrity report of the restarted server", round)
                    .noneMatch(l -> l.contains("not clean"));
            for (String id : checkStore(round, acknowledged)) {
                post(port, token, "/api/v1/orders/" + id + "/cancel", null);
            }
            System.out.println("[crash] round " + round + " of " + rounds + ": " + acknowledged.size()
                    + " acknowledged reservations kept, nothing to mend");
        }
        // the restarted server still works: one more order goes all the way
        String next = post(port, token, "/api/v1/orders", "{\"designId\": \"" + design + "\"}")
                .get("id")
                .asText();
        post(port, token, "/api/v1/orders/" + next + "/submit", null);
        assertThat(post(port, token, "/api/v1/orders/" + next + "/reserve", null)
                        .get("state")
                        .asText())
                .isEqualTo("reserved");
        // a token created by another process while the server holds the database works at once
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                WanplanCommand.class.getName(),
                "token",
                "create",
                "--role",
                "viewer"));
        command.addAll(storeArgs());
        ProcessBuilder tokenCreate = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        tokenCreate.environment().putAll(env());
        Process create = tokenCreate.start();
        String viewer = new String(create.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(create.waitFor()).isZero();
        assertThat(get(port, viewer, "/api/v1/whoami").get("role").asText()).isEqualTo("viewer");
        server.destroy();
        server.waitFor(30, TimeUnit.SECONDS);
    }

    /** 16 clients create, submit and reserve orders until 40 went through; then SIGKILL. The reservations acknowledged. */
    private java.util.Set<String> burstUntilKilled(Process server, int port, String token, String design)
            throws Exception {
        AtomicInteger done = new AtomicInteger();
        java.util.Set<String> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        for (int i = 0; i < 16; i++) {
            pool.submit(() -> {
                for (int k = 0; k < 100; k++) {
                    try {
                        String id = post(port, token, "/api/v1/orders", "{\"designId\": \"" + design + "\"}")
                                .get("id")
                                .asText();
                        post(port, token, "/api/v1/orders/" + id + "/submit", null);
                        JsonNode r = post(port, token, "/api/v1/orders/" + id + "/reserve", null);
                        if (r.has("state") && r.get("state").asText().equals("reserved")) {
                            acknowledged.add(id);
                        }
                        done.incrementAndGet();
                    } catch (Exception e) {
                        return; // the server is gone
                    }
                }
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (done.get() < 40) {
            assertThat(System.nanoTime() - deadline)
                    .as("40 orders reserved within 2 minutes")
                    .isNegative();
            Thread.sleep(5);
        }
        server.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush
        server.waitFor(30, TimeUnit.SECONDS);
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(acknowledged).as("reservations acknowledged before the kill").isNotEmpty();
        return acknowledged;
    }

    /**
     * All or nothing per order, acknowledged reservations kept, totals equal to the rows, no recovery
     * audited. The reserved orders.
     */
    private List<String> checkStore(int round, java.util.Set<String> acknowledged) throws Exception {
        try (Database db = open()) {
            List<String> halfDone = new ArrayList<>();
            List<String> reserved = new ArrayList<>();
            for (Order o : db.orders().list(100_000)) {
                Map<String, Double> held = db.reservations().of(o.id());
                boolean holds = o.state() == OrderState.RESERVED;
                if (holds) {
                    reserved.add(o.id());
                }
                if (holds ? !held.equals(o.gbpsBySpan()) : !held.isEmpty()) {
                    halfDone.add(o.id() + " is " + o.state().label() + " and holds " + held);
                }
            }
            assertThat(halfDone)
                    .as("round %d: orders half reserved after kill -9", round)
                    .isEmpty();
            for (String id : acknowledged) {
                assertThat(db.orders().find(id))
                        .as("round %d: acknowledged %s", round, id)
                        .hasValueSatisfying(o -> assertThat(o.state()).isEqualTo(OrderState.RESERVED));
            }
            Map<String, Double> totals = db.reservations().reservationTotals("sparse");
            db.reservations()
                    .reserved("sparse")
                    .forEach((span, r) -> assertThat(r)
                            .as("round %d: %s", round, span)
                            .isCloseTo(totals.getOrDefault(span, 0.0), org.assertj.core.data.Offset.offset(1e-6)));
            assertThat(db.orders().auditEntries(0, 1_000_000))
                    .as("round %d: repairs audited", round)
                    .noneMatch(e -> e.actor().equals("recovery"));
            return reserved;
        }
    }

    private Process serve() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                WanplanCommand.class.getName(),
                "serve",
                "--port",
                "0"));
        command.addAll(storeArgs());
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
        b.environment().putAll(env());
        Process p = b.start();
        started.add(p);
        return p;
    }

    private int port(Process p) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Pattern serving = Pattern.compile("serving http://127\\.0\\.0\\.1:(\\d+)/");
        List<String> seen = new ArrayList<>();
        for (String line; (line = out.readLine()) != null; ) {
            Matcher m = serving.matcher(line);
            if (m.find()) {
                seen.forEach(l -> System.out.println("[serve] " + l));
                preamble.clear();
                preamble.addAll(seen);
                long pid = p.pid();
                Thread drain = new Thread(() -> out.lines().forEach(l -> {
                    serverLog.addLast("[" + pid + "] " + l);
                    while (serverLog.size() > 60) {
                        serverLog.pollFirst();
                    }
                }));
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
            seen.add(line);
        }
        throw new IllegalStateException("the server did not start: " + seen);
    }

    private JsonNode post(int port, String token, String path, String body) throws Exception {
        return send(
                port,
                request(port, token, path)
                        .POST(
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode get(int port, String token, String path) throws Exception {
        return send(port, request(port, token, path).GET());
    }

    private static HttpRequest.Builder request(int port, String token, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60));
    }

    private JsonNode send(int port, HttpRequest.Builder request) throws Exception {
        HttpClient http = clients.computeIfAbsent(
                port,
                p -> HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .build());
        try {
            return JSON.readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofString())
                    .body());
        } catch (java.net.http.HttpTimeoutException e) {
            dumpThreads();
            throw e;
        }
    }

    /**
     * When a request hangs: what every live server is doing and last printed, and what this side's HTTP
     * client threads are doing (printed once per server, for the test report).
     */
    private synchronized void dumpThreads() throws Exception {
        System.out.println("[server output, latest lines]");
        serverLog.forEach(System.out::println);
        Thread.getAllStackTraces().forEach((t, stack) -> {
            if (t.getName().startsWith("HttpClient")) {
                System.out.println("[test thread " + t.getName() + " " + t.getState() + "]");
                for (StackTraceElement e : stack) {
                    System.out.println("    at " + e);
                }
            }
        });
        for (Process p : started) {
            if (p.isAlive() && !dumped.contains(p.pid())) {
                dumped.add(p.pid());
                Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
                Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(p.pid()), "Thread.print")
                        .redirectErrorStream(true)
                        .start();
                System.out.println("[serve " + p.pid() + " threads]\n"
                        + new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                dump.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private final java.util.Set<Long> dumped = new java.util.HashSet<>();
}
