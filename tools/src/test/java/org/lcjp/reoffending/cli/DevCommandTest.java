package org.lcjp.reoffending.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The development command line: the product's commands plus the tools, which end like every product command. */
class DevCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine cl = DevCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void helpListsTheProductCommandsAndTheTools() {
        assertThat(execute("--help")).isZero();
        assertThat(out.toString())
                .contains(
                        "run",
                        "ingest",
                        "publish",
                        "train-linkage",
                        "generate",
                        "linkage-eval",
                        "bench",
                        "diff-published",
                        "Exit status");
    }

    @Test
    void everyToolHasHelp() {
        for (String sub : new String[] {"generate", "linkage-eval", "bench", "diff-published"}) {
            assertThat(execute(sub, "--help")).as(sub).isZero();
        }
    }

    /** A malformed option of a tool is exit 2 with one line saying what to do, as for a product command. */
    @Test
    void aToolsUnknownOptionIsExitTwo() {
        assertThat(execute("generate", "--no-such-option")).isEqualTo(2);
        assertThat(err.toString()).contains("What to do: correct the command line");
    }

    @Test
    void benchOfNoPeopleIsExitTwoAndGeneratesNothing() {
        Path data = dir.resolve("bench-data");
        assertThat(execute("bench", "--people", "0", "--data", data.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--people must be at least 1");
        assertThat(data).doesNotExist();
    }
}
