package org.lcjp.reoffending.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lcjp.reoffending.synthetic.GenerationResult;
import org.lcjp.reoffending.synthetic.GeneratorSettings;
import org.lcjp.reoffending.synthetic.StrategySettings;
import org.lcjp.reoffending.synthetic.SyntheticExtracts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Write synthetic agency extracts (every dataset, extracts.md layout) from a simulated "
                + "population, and the true person of every record to a separate truth folder.")
final class GenerateCommand implements Callable<Integer> {
    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "DIR",
            description = "Input root to write.")
    Path output;

    @Option(names = "--truth", paramLabel = "DIR", description = "Truth folder (default: <output>-truth).")
    Path truth;

    @Option(names = "--people", defaultValue = "2000", description = "People simulated (default: ${DEFAULT-VALUE}).")
    long people;

    @Option(names = "--from", defaultValue = "2014", description = "First year of events (default: ${DEFAULT-VALUE}).")
    int fromYear;

    @Option(names = "--to", defaultValue = "2019", description = "Last year of events (default: ${DEFAULT-VALUE}).")
    int toYear;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--family-gradient",
            description = "True exposed-minus-not-exposed share of children offending in "
                    + "a year, Think Family (default: ${DEFAULT-VALUE}).")
    double familyGradient = StrategySettings.DEFAULTS.intergenerationalGradient();

    @Option(
            names = "--rj-prevented-share",
            description = "Share of people completing a restorative process whose "
                    + "offending stops to the end of the follow-up year: the RJ effect (default: ${DEFAULT-VALUE}).")
    double rjPreventedShare = StrategySettings.DEFAULTS.rjPreventedShare();

    @Option(
            names = "--rj-referral-share",
            description = "Probability that a proven offence with a victim is referred "
                    + "to the RJ Hub, for a person with no previous offences (default: ${DEFAULT-VALUE}).")
    double rjReferralShare = StrategySettings.DEFAULTS.rjReferralShare();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path truthDir = truth != null ? truth : output.resolveSibling(output.getFileName() + "-truth");
        long t0 = System.nanoTime();
        StrategySettings strategy = StrategySettings.DEFAULTS
                .withIntergenerationalGradient(familyGradient)
                .withRjPreventedShare(rjPreventedShare)
                .withRjReferralShare(rjReferralShare);
        GenerationResult r = SyntheticExtracts.generate(
                GeneratorSettings.defaults(people, fromYear, toYear, seed), strategy, output, truthDir);
        spec.commandLine()
                .getOut()
                .printf(
                        "generate   people %,d  rows %,d  %.1f s  -> %s (truth %s)%n",
                        r.people(), r.rows(), (System.nanoTime() - t0) / 1e9, output, truthDir);
        return ExitCodes.OK;
    }
}
