package org.wanplan.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.wanplan.server.WanplanServer;
import org.wanplan.store.Database;
import org.wanplan.store.Ids;
import org.wanplan.store.Order;
import org.wanplan.store.OverbookedException;
import org.wanplan.store.PostgresCluster;
import org.wanplan.store.Role;
import org.wanplan.store.StoredDesign;

/**
 * P5: reservations per second with 64 concurrent clients on PostgreSQL, over real HTTP on loopback, and
 * the same order cycle called on the store directly (no HTTP, JSON or authentication) as the baseline.
 *
 * <p>One operation is one order's whole cycle: create (from a design), submit, reserve, cancel: four
 * requests, one reservation. Every order needs 1.25 Gbps on one span of 40 Gbps, so at most 32 of the 64
 * clients can hold a reservation at once: the others are refused (409 overbooked) and that is counted, not
 * hidden. After every iteration the span is checked: reserved ≤ capacity, reserved = sum of the reservation
 * rows, nothing left held (every order was cancelled).
 *
 * <p>Three clients: {@link #httpKeptAlive} (the figure P5 is held to) sends each load thread's requests over
 * one kept-alive connection with a blocking client, as {@code wrk} would; {@link #http} sends them through the
 * JDK's {@code HttpClient}, which costs about half a core of the two the server and PostgreSQL share with
 * it; {@link #store} calls the store directly. Warm-up is 10 × 10 s: on two cores shared with 64 load
 * threads the JIT compiler takes that long, and the rate climbs from about 100 to about 450 cycles/s
 * meanwhile (with 3 × 10 s, as before 2026-12-03, the measurement caught the climb: 198/s). Then 5 × 10 s
 * are measured. One fork, about 3 minutes a benchmark.
 *
 * <pre>
 * ./mvnw -q -DskipTests package
 * java -jar wanplan-bench/target/benchmarks.jar ReservationLoadBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 10)
@Measurement(iterations = 5, time = 10)
@Threads(64)
@Fork(1)
public class ReservationLoadBenchmark {
    static final double CAPACITY_GBPS = 40;

    private PostgresCluster cluster;
    private Database db;
    private WanplanServer server;
    private HttpClient http;
    private String base;
    private String token;
    private StoredDesign design;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        cluster = PostgresCluster.start();
        db = Database.open(cluster.createDatabase("p5"), "postgres", "");
        server = WanplanServer.create(db).start("127.0.0.1", 0);
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        base = "http://127.0.0.1:" + server.port();
        String admin = db.tokens().create(Role.ADMIN, "p5");
        token = db.tokens().create(Role.PLANNER, "p5");
        String network;
        try (var in = ReservationLoadBenchmark.class.getResourceAsStream("/org/wanplan/bench/duo.json")) {
            network = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("CAPACITY", Double.toString(CAPACITY_GBPS));
        }
        check(send("POST", "/api/v1/networks?name=duo&format=json", admin, network), 201);
        String reply = check(send("POST", "/api/v1/designs", token, """
                        {"customer": "P5", "network": "duo", "sites": [
                          {"id": "paris", "city": "Paris", "country": "FR", "role": "hub", "bandwidthMbps": 10000},
                          {"id": "lyon", "city": "Lyon", "country": "FR", "bandwidthMbps": 10000}]}"""), 201);
        design = db.designs().find(field(reply, "id")).orElseThrow();
    }

    @TearDown(Level.Iteration)
    public void report() {
        double reserved = db.reservations().reserved("duo").get("paris-lyon");
        Double rows = db.reservations().reservationTotals("duo").get("paris-lyon");
        System.out.printf(
                "%n  accepted %d, refused (409 overbooked) %d; now reserved %.2f of %.0f Gbps, rows %.2f%n",
                accepted.get(), refused.get(), reserved, CAPACITY_GBPS, rows == null ? 0 : rows);
        if (reserved > CAPACITY_GBPS + 1e-9 || Math.abs(reserved - (rows == null ? 0 : rows)) > 1e-6) {
            throw new IllegalStateException("OVERBOOKED or inconsistent: " + reserved + " vs rows " + rows);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        System.out.printf(
                "%n  P5 total: accepted %d, refused %d, overbooking 0 (checked after every iteration)%n",
                accepted.get(), refused.get());
        server.close();
        db.close();
        cluster.close();
    }

    /** One order's cycle over HTTP through the JDK's {@code HttpClient}: create, submit, reserve, cancel. */
    @Benchmark
    public int http() throws Exception {
        return cycle((method, path, body) -> {
            HttpResponse<String> r = send(method, path, token, body);
            return new LoopbackHttp.Response(r.statusCode(), r.body());
        });
    }

    /** Each load thread's own kept-alive connection (see {@link LoopbackHttp}). */
    @State(Scope.Thread)
    public static class Connection {
        LoopbackHttp http;

        @Setup(Level.Trial)
        public void open(ReservationLoadBenchmark b) {
            http = new LoopbackHttp(b.server.port(), b.token);
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            http.close();
        }
    }

    /**
     * The cycle of {@link #http}, sent by a blocking client over one kept-alive connection per load thread
     * ({@link LoopbackHttp}), so that less of the two cores goes to the load generator.
     */
    @Benchmark
    public int httpKeptAlive(Connection c) throws Exception {
        return cycle(c.http::send);
    }

    /** How a cycle sends one request: method, path, JSON body or null. */
    @FunctionalInterface
    private interface Client {
        LoopbackHttp.Response send(String method, String path, String body) throws Exception;
    }

    private int cycle(Client client) throws Exception {
        String id = field(
                check(client.send("POST", "/api/v1/orders", "{\"designId\": \"" + design.id() + "\"}"), 201, "create"),
                "id");
        check(client.send("POST", "/api/v1/orders/" + id + "/submit", null), 200, "submit");
        LoopbackHttp.Response r = client.send("POST", "/api/v1/orders/" + id + "/reserve", null);
        if (r.status() == 200) {
            accepted.incrementAndGet();
        } else if (r.status() == 409 && r.body().contains("\"overbooked\"")) {
            refused.incrementAndGet();
        } else {
            throw new IllegalStateException("reserve: " + r.status() + " " + r.body());
        }
        return check(client.send("POST", "/api/v1/orders/" + id + "/cancel", null), 200, "cancel")
                .length();
    }

    private static String check(HttpResponse<String> r, int status) {
        return check(
                new LoopbackHttp.Response(r.statusCode(), r.body()),
                status,
                r.request().uri().toString());
    }

    private static String check(LoopbackHttp.Response r, int status, String what) {
        if (r.status() != status) {
            throw new IllegalStateException(what + ": " + r.status() + " " + r.body());
        }
        return r.body();
    }

    /** The same cycle on the store directly: the database's share of the cost. */
    @Benchmark
    public int store() throws Exception {
        Order o = db.orders()
                .create(
                        "p5",
                        Ids.next("ord"),
                        design.customerName(),
                        design.network(),
                        design.gbpsBySpan(),
                        design.id());
        db.orders().submit("p5", o.id());
        try {
            db.orders().reserve("p5", o.id());
            accepted.incrementAndGet();
        } catch (OverbookedException e) {
            refused.incrementAndGet();
        }
        return db.orders().cancel("p5", o.id()).id().length();
    }

    private HttpResponse<String> send(String method, String path, String bearer, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + bearer)
                .timeout(Duration.ofSeconds(60));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    private static String field(String json, String name) {
        Matcher m = ID.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
