package org.wanplan.bench;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.wanplan.io.NetworkFiles;
import org.wanplan.io.sndlib.SndlibModelReader;
import org.wanplan.model.sndlib.SndlibModel;
import org.wanplan.model.sndlib.SndlibNetwork;
import org.wanplan.planning.CapacityPlan;
import org.wanplan.planning.CapacityPlanner;
import org.wanplan.planning.FeasibilityCheck;
import org.wanplan.planning.PlanningProblem;
import org.wanplan.planning.sndlib.SndlibPlanning;

/**
 * P4: time to optimum, or the gap after the time limit, for SNDlib instances — a solver-quality
 * measure rather than a throughput one, so a plain timed run instead of JMH. The instances are read
 * from the SNDlib directory given as the first argument (SNDlib files are not redistributed).
 *
 * <pre>
 * ./mvnw -q -DskipTests package
 * java -cp wanplan-bench/target/benchmarks.jar org.wanplan.bench.PlanningBenchmark ../shared/data/sndlib/native 60 [NAME]
 * </pre>
 */
public final class PlanningBenchmark {
    private PlanningBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "../shared/data/sndlib/native");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        String[][] instances = {
            {"france", "U-U-M-N-C-A-N-N"}, {"france", "U-U-M-N-C-A-N-U"},
            {"nobel-eu", "U-U-E-N-C-A-N-N"}, {"nobel-eu", "U-U-E-N-C-A-N-U"},
            {"germany50", "U-U-M-N-C-A-N-N"}, {"germany50", "U-U-M-N-C-A-N-U"}
        };
        System.out.printf(
                Locale.ROOT,
                "%-32s %-10s %14s %14s %8s %8s  %s%n",
                "instance",
                "status",
                "objective",
                "bound",
                "gap",
                "s",
                "independent check");
        String only = args.length > 2 ? args[2] : "";
        for (String[] i : instances) {
            if (!(i[0] + "--" + i[1]).contains(only)) {
                continue;
            }
            Path net = root.resolve(i[0]).resolve(i[0] + ".txt");
            Path model = root.resolve(i[0]).resolve("models").resolve(i[1] + ".txt");
            if (!Files.exists(net) || !Files.exists(model)) {
                System.out.println(i[0] + "--" + i[1] + ": not found under " + root);
                continue;
            }
            PlanningProblem p = problem(NetworkFiles.withDefaults().readSndlib(net), model);
            CapacityPlan plan = CapacityPlanner.solve(p, Duration.ofSeconds(seconds));
            System.out.printf(
                    Locale.ROOT,
                    "%-32s %-10s %14.1f %14.1f %7.2f%% %8.1f  %s%n",
                    i[0] + "--" + i[1],
                    plan.status(),
                    plan.objective(),
                    plan.bound(),
                    100 * plan.gap(),
                    plan.seconds(),
                    FeasibilityCheck.violation(p, plan).orElse("ok"));
        }
    }

    private static PlanningProblem problem(SndlibNetwork s, Path modelFile) throws Exception {
        try (Reader in = Files.newBufferedReader(modelFile)) {
            SndlibModel model = SndlibModelReader.read(
                    in, modelFile.toString(), modelFile.getFileName().toString());
            return SndlibPlanning.problem(s, model, 1, 0);
        }
    }
}
