package org.wanplan.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.wanplan.io.NetworkFiles;
import org.wanplan.io.input.InputException;
import org.wanplan.io.input.InputProblem;
import org.wanplan.model.Network;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar wanplan-spark.jar failures|availability …} and {@code spark-submit … wanplan-spark.jar …}:
 * the command lines of {@code wanplan failures} and {@code wanplan availability --monte-carlo}, on Spark.
 */
@Command(
        name = "wanplan-spark",
        mixinStandardHelpOptions = true,
        versionProvider = WanplanSpark.Version.class,
        subcommands = {SparkFailuresCommand.class, SparkAvailabilityCommand.class},
        description = "wanplan's failure sweep and availability simulation on Apache Spark.")
public final class WanplanSpark implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: failures or availability");
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line; the exit code: 0 done, 1 failed (bad input, said on {@code err}), 2 usage. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return new CommandLine(new WanplanSpark())
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(WanplanSpark::failure)
                .execute(args);
    }

    private static int failure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof InputException input) {
            for (InputProblem p : input.problems()) {
                err.println(p);
            }
            err.println(input.problems().size() + " problem(s); nothing done");
        } else if (e instanceof NoSuchFileException missing) {
            err.println(missing.getMessage());
        } else if (e instanceof IOException io) {
            err.println("I/O error: " + io.getMessage());
        } else {
            err.println("internal error: " + e);
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    /** The network argument: a file when one exists at that path, else a built-in network. */
    static Network network(String nameOrFile, PrintWriter err) throws IOException, InputException {
        return NetworkFiles.withDefaults().onWarning(err::println).fileOrBuiltin(nameOrFile);
    }

    /**
     * A Spark context for {@code master}: the one given, else spark-submit's ({@code spark.master}), else all
     * local cores. Off local mode the executors need wanplan's classes: when started with {@code java -jar}
     * (no {@code spark.jars}), this jar is shipped to them.
     */
    static JavaSparkContext context(String appName, String master) {
        SparkConf conf = new SparkConf().setAppName(appName);
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        if (!conf.get("spark.master").startsWith("local") && !conf.contains("spark.jars")) {
            ownJar().ifPresent(jar -> conf.setJars(new String[] {jar.toString()}));
        }
        conf.setIfMissing("spark.ui.enabled", "false");
        return new JavaSparkContext(conf);
    }

    private static java.util.Optional<Path> ownJar() {
        try {
            Path p = Path.of(WanplanSpark.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return p.toString().endsWith(".jar") ? java.util.Optional.of(p) : java.util.Optional.empty();
        } catch (java.net.URISyntaxException | SecurityException | NullPointerException e) {
            return java.util.Optional.empty();
        }
    }

    /** The version of this jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = WanplanSpark.class.getPackage().getImplementationVersion();
            return new String[] {
                "wanplan-spark " + (v == null ? "(development build)" : v) + ", Spark "
                        + org.apache.spark.package$.MODULE$.SPARK_VERSION()
            };
        }
    }
}
