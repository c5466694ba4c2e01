package org.wanplan.planning;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPModelRequest;
import com.google.ortools.linearsolver.MPSolutionResponse;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * HiGHS (1.12, one of the solvers inside OR-Tools 9.15's MPSolver) on a mixed-integer program, in a child JVM.
 *
 * <p>The child runs {@link MPSolver#solveWithProto} on the request and is killed if it outlives its limit by more
 * than a second, so the planner's deadline holds whatever HiGHS does; HiGHS's banner, which it prints on the
 * process's own stdout whatever its options say, stays out of the CLI's JSON; and a crash in native code ends the
 * child, not the planner. Its plans are read from the file where HiGHS writes every improving solution
 * ({@code mip_improving_solution_file}), not from the response: OR-Tools' bridge loses the incumbent when HiGHS
 * stops at its time limit (status 99, unknown, and no values, though HiGHS reports a feasible solution), and it
 * cannot take a starting solution either (its hint is copied into an empty vector: SIGSEGV in
 * {@code HighsSolveProto}). The file is read while HiGHS runs, so a search beside it can take up each plan as it
 * is found ({@link #latest}); HiGHS's log goes to a file too, for its dual bound.
 */
final class HighsMip implements AutoCloseable {
    /** What HiGHS has found: its objective, whether proved optimal, and the first values of its solution. */
    record Solution(double objective, boolean optimal, double[] values) {}

    private final Path dir;
    private final Path solutions;
    private final Path log;
    private final Process process;
    private final int columns;
    private long offset; // where the last complete solution read starts
    private long readSize = -1;
    private Solution latest;
    private boolean settled; // HiGHS ended and all it wrote is read

    private HighsMip(Path dir, Process process, int columns) {
        this.dir = dir;
        this.solutions = dir.resolve("improving.sol");
        this.log = dir.resolve("highs.log");
        this.process = process;
        this.columns = columns;
    }

    /**
     * HiGHS started on {@code model} for at most {@code seconds}, in a child JVM with this JVM's class path; its
     * solutions' first {@code columns} values are read.
     */
    static HighsMip start(MPModelProto model, double seconds, int columns) throws IOException {
        Path dir = Files.createTempDirectory("wanplan-highs-");
        try {
            MPModelRequest request = MPModelRequest.newBuilder()
                    .setModel(model)
                    .setSolverType(MPModelRequest.SolverType.HIGHS_MIXED_INTEGER_PROGRAMMING)
                    .setSolverTimeLimitSeconds(seconds)
                    .setEnableInternalSolverOutput(true)
                    .setSolverSpecificParameters("mip_improving_solution_file=" + dir.resolve("improving.sol"))
                    .build();
            try (OutputStream out = Files.newOutputStream(dir.resolve("request.pb"))) {
                request.writeTo(out);
            }
            Process process = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-XX:TieredStopAtLevel=1",
                            "-XX:+UseSerialGC",
                            "-cp",
                            System.getProperty("java.class.path"),
                            HighsMip.class.getName(),
                            dir.resolve("request.pb").toString(),
                            dir.resolve("response.pb").toString())
                    .redirectOutput(dir.resolve("highs.log").toFile())
                    .redirectError(dir.resolve("stderr.log").toFile())
                    .start();
            return new HighsMip(dir, process, columns);
        } catch (IOException | RuntimeException e) {
            delete(dir);
            throw e;
        }
    }

    /** The child's entry: solves the request in {@code args[0]}, writes the response to {@code args[1]}. */
    public static void main(String[] args) throws IOException {
        MPModelRequest request;
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            request = MPModelRequest.parseFrom(in);
        }
        Loader.loadNativeLibraries();
        MPSolutionResponse response = MPSolver.solveWithProto(request);
        Path written = Path.of(args[1] + ".part");
        try (OutputStream out = Files.newOutputStream(written)) {
            response.writeTo(out);
        }
        Files.move(written, Path.of(args[1]), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Waits until HiGHS ends, or kills it at {@code deadline} ({@link System#nanoTime()}); whether it ended. */
    boolean await(long deadline) throws InterruptedException {
        if (process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            return true;
        }
        process.destroyForcibly().waitFor();
        return false;
    }

    /**
     * HiGHS's latest complete solution, or null before its first; while it runs, a solution counts once the lines
     * of its first {@code columns} values are complete.
     */
    synchronized Solution latest() {
        if (settled) {
            return latest;
        }
        boolean ended = !process.isAlive();
        try {
            long size = Files.exists(solutions) ? Files.size(solutions) : 0;
            if (size != readSize) {
                readSize = size;
                read(size);
            }
            MPSolutionResponse response = ended ? response() : null;
            if (response != null
                    && (response.getStatus() == MPSolverResponseStatus.MPSOLVER_OPTIMAL
                            || response.getStatus() == MPSolverResponseStatus.MPSOLVER_FEASIBLE)
                    && response.getVariableValueCount() >= columns) {
                // HiGHS's answer (when its presolve solves a small model, no improving solution is written)
                double[] values = new double[columns];
                for (int c = 0; c < columns; c++) {
                    values[c] = response.getVariableValue(c);
                }
                latest = new Solution(
                        response.getObjectiveValue(),
                        response.getStatus() == MPSolverResponseStatus.MPSOLVER_OPTIMAL,
                        values);
            }
            settled = ended;
        } catch (IOException | RuntimeException e) {
            // what was read before stays the latest
        }
        return latest;
    }

    /** HiGHS's dual bound from its log's report (HiGHS ended), else NaN. */
    double bound() {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.map(String::trim)
                    .filter(l -> l.startsWith("Dual bound"))
                    .map(l -> Double.parseDouble(
                            l.substring("Dual bound".length()).trim()))
                    .reduce((a, b) -> b)
                    .orElse(Double.NaN);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The response the child wrote when HiGHS returned, or null. */
    private MPSolutionResponse response() throws IOException {
        Path response = dir.resolve("response.pb");
        if (!Files.exists(response)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(response)) {
            return MPSolutionResponse.parseFrom(in);
        }
    }

    /** Reads what HiGHS wrote from {@link #offset}; the offset moves past whole solutions only. */
    private void read(long size) throws IOException {
        byte[] bytes;
        try (RandomAccessFile file = new RandomAccessFile(solutions.toFile(), "r")) {
            bytes = new byte[(int) (size - offset)];
            file.seek(offset);
            file.readFully(bytes);
        }
        Parsed parsed = parse(bytes, columns);
        if (parsed.last() != null) {
            latest = parsed.last();
        }
        offset += parsed.whole();
    }

    /** The last solution found in a piece of the file (or null), and the bytes of the whole solutions before it. */
    record Parsed(Solution last, int whole) {}

    /**
     * The solutions in {@code bytes} of HiGHS's improving-solution file: blocks of {@code Objective v}, {@code #
     * Columns n}, then n lines {@code name value}. The last block counts once the lines of its first {@code
     * columns} values end with a newline (HiGHS writes through a buffer: the rest of the block, the flows, may
     * still be on its way); {@code whole}: the bytes up to the end of the last block written whole, where the
     * next read starts.
     */
    static Parsed parse(byte[] bytes, int columns) {
        Solution last = null;
        int whole = 0;
        int[] at = {0};
        while (true) {
            String objective = line(bytes, at);
            String header = objective == null ? null : line(bytes, at);
            if (header == null || !objective.startsWith("Objective ") || !header.startsWith("# Columns ")) {
                break;
            }
            int n = Integer.parseInt(header.substring("# Columns ".length()).trim());
            if (n < columns) {
                break;
            }
            double[] values = new double[columns];
            int c = 0;
            for (String value; c < columns && (value = line(bytes, at)) != null; c++) {
                values[c] = Double.parseDouble(value.substring(value.lastIndexOf(' ') + 1));
            }
            if (c < columns) {
                break; // not yet written so far
            }
            last = new Solution(
                    Double.parseDouble(
                            objective.substring("Objective ".length()).trim()),
                    false,
                    values);
            while (c < n && line(bytes, at) != null) {
                c++;
            }
            if (c < n) {
                break;
            }
            whole = at[0];
        }
        return new Parsed(last, whole);
    }

    /** The line at {@code at[0]} when a newline ends it (ASCII), and {@code at[0]} past it; else null. */
    private static String line(byte[] bytes, int[] at) {
        for (int i = at[0]; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                String line = new String(bytes, at[0], i - at[0], StandardCharsets.US_ASCII);
                at[0] = i + 1;
                return line;
            }
        }
        return null;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        delete(dir);
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind
        }
    }
}
