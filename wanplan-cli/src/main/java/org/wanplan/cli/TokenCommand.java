package org.wanplan.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.wanplan.store.Database;
import org.wanplan.store.Role;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wanplan token create}: a new API token, printed once (only its hash is stored). */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = "Manage API tokens.",
        subcommands = {TokenCommand.Create.class})
final class TokenCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: create");
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a token and print it once.")
    static final class Create implements Callable<Integer> {
        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "admin, planner or viewer")
        String role;

        @Mixin
        StoreOptions store;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Role r = Role.fromLabel(role)
                    .orElseThrow(() -> new CommandLine.ParameterException(
                            spec.commandLine(), "--role must be admin, planner or viewer, was '" + role + "'"));
            try (Database db = store.open(spec.commandLine().getErr())) {
                String token = db.tokens().create(r, "cli:" + System.getProperty("user.name"));
                PrintWriter out = spec.commandLine().getOut();
                out.println(token);
                out.flush();
            }
            spec.commandLine().getErr().println("a " + role + " token: shown once, store it now");
            return ExitCodes.OK;
        }
    }
}
