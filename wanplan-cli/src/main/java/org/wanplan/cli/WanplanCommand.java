package org.wanplan.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code wanplan} command: plan, design and quote on fibre backbones. Exit codes: 0 ok, 1 failure, 2 usage. */
@Command(
        name = "wanplan",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Backbone planning, enterprise WAN design and quoting on dense fibre networks.",
        subcommands = {
            NetworkCommand.class,
            ServeCommand.class,
            RouteCommand.class,
            FailuresCommand.class,
            AvailabilityCommand.class,
            PlanCommand.class,
            DesignCommand.class,
            CompareCommand.class,
            AugmentCommand.class,
            DemoCommand.class,
            TokenCommand.class,
            PortfolioCommand.class,
            RunwayCommand.class
        },
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        exitCodeOnExecutionException = ExitCodes.FAILURE)
public final class WanplanCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (for tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new WanplanCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new FailureHandler());
        Networks.WARNINGS.set(err);
        try {
            return cli.execute(args);
        } finally {
            Networks.WARNINGS.remove();
        }
    }
}
