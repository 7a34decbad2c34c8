package io.poollab.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random mutations of every sample config, a bounded number with a fixed seed (printed, so a failure can be
 * replayed): the loader may accept a mutant or refuse it with a {@link ConfigException}, never throw anything else.
 */
class ConfigFuzzTest {

    private static final long SEED = 20_261_203L;
    private static final int ITERATIONS = 2_000;
    private static final String NOISE = ":{}[],'\"#&*!|>-%@?`\\ \t\n0123456789abcxyz.-+eE~$";
    private static final String[] VALUES = {"-1", "0", "99999999999999999999", "1e309", "null", "~", "true", "[]",
        "{}", "\"\"", "${env:NOPE}", "${home}", "&a", "*a", "!!binary AAAA", "0x1F", "1_000", "NaN", "-.inf"};

    @Test
    void mutatedSampleConfigsAreAcceptedOrRefusedWithAConfigErrorOnly() throws Exception {
        Map<String, String> environment = Map.of("SRC_PASSWORD", "x", "DST_PASSWORD", "x", "MSSQL_PASSWORD", "x");
        List<String> originals = new ArrayList<>();
        try (var files = Files.list(Path.of("sample-configs"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                originals.add(Files.readString(file));
            }
        }
        assertThat(originals).hasSizeGreaterThanOrEqualTo(4);
        System.out.println("ConfigFuzzTest: seed " + SEED + ", " + ITERATIONS + " mutants");
        Random random = new Random(SEED);
        int refused = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            String text = originals.get(i % originals.size());
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                text = mutate(text, random);
            }
            try {
                RunConfigLoader.parse("fuzz.yaml", text, Overrides.NONE, environment, Path.of("/tmp/poollab-fuzz"));
            } catch (ConfigException expected) {
                refused++;
                assertThat(expected.problems()).as("mutant %d", i).isNotEmpty();
            } catch (RuntimeException | StackOverflowError e) {
                fail("mutant " + i + " (seed " + SEED + ") threw " + e + " for:\n" + text, e);
            }
        }
        // The mutations are not all harmless: most mutants are refused.
        assertThat(refused).isGreaterThan(ITERATIONS / 4);
    }

    private static String mutate(String text, Random random) {
        if (text.isEmpty()) {
            return String.valueOf(NOISE.charAt(random.nextInt(NOISE.length())));
        }
        int at = random.nextInt(text.length());
        List<String> lines = new ArrayList<>(text.lines().toList());
        switch (random.nextInt(7)) {
            case 0:
                return text.substring(0, at) + text.substring(at + 1);
            case 1:
                return text.substring(0, at) + NOISE.charAt(random.nextInt(NOISE.length())) + text.substring(at);
            case 2: {
                int line = random.nextInt(lines.size());
                lines.add(line, lines.get(random.nextInt(lines.size())));
                return String.join("\n", lines);
            }
            case 3: {
                int a = random.nextInt(lines.size());
                int b = random.nextInt(lines.size());
                String kept = lines.get(a);
                lines.set(a, lines.get(b));
                lines.set(b, kept);
                return String.join("\n", lines);
            }
            case 4: {
                // A value replaced: whatever follows the first ": " on a random line.
                int line = random.nextInt(lines.size());
                String l = lines.get(line);
                int colon = l.indexOf(": ");
                if (colon >= 0) {
                    lines.set(line, l.substring(0, colon + 2) + VALUES[random.nextInt(VALUES.length)]);
                }
                return String.join("\n", lines);
            }
            case 5:
                return text.substring(0, at);
            default: {
                int line = random.nextInt(lines.size());
                lines.set(line, "  ".repeat(random.nextInt(4)) + lines.get(line).strip());
                return String.join("\n", lines);
            }
        }
    }
}
