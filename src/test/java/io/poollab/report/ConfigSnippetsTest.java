package io.poollab.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.zaxxer.hikari.HikariConfig;
import io.poollab.config.ConnectionProfile;
import io.poollab.config.CopyFormat;
import io.poollab.config.HoldConnections;
import io.poollab.config.RunSpec;
import io.poollab.config.Secret;
import io.poollab.config.Side;
import io.poollab.history.HistoryStore;
import io.poollab.history.RunDetail;
import io.poollab.testing.Posts;
import io.poollab.testing.Recorded;
import io.poollab.testing.Specs;
import io.poollab.testing.TestPostgres;
import java.io.StringReader;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snippets of a run recorded from a real copy, loaded back into a real HikariCP configuration. */
class ConfigSnippetsTest {

    private static final String KNOWN_PASSWORD = "k8!known-test-password";

    @TempDir
    Path dir;

    private RunDetail recordedRun() throws Exception {
        RunSpec spec = Specs.with(Specs.copy(Posts.database(5_000), TestPostgres.newDatabase("snip"), "posts", 2, 3),
                4, HoldConnections.PER_PARTITION, 1_000, CopyFormat.BINARY);
        ConnectionProfile source = new ConnectionProfile(spec.source().jdbcUrl(), "postgres",
                new Secret.Plaintext(KNOWN_PASSWORD), spec.source().properties(), null);
        spec = new RunSpec(spec.name(), source, spec.target(), spec.tables(), spec.workers(),
                spec.partitionsPerTable(), spec.batchRows(), spec.holdConnections(), spec.poolMode(),
                spec.sourcePool(), spec.targetPool(), spec.sampleIntervalMs(), spec.verify(), spec.copyFormat(),
                spec.retry(), spec.configText());
        try (HistoryStore store = HistoryStore.open(dir)) {
            long runId = Recorded.run(store, spec, run -> run.resize(Side.SOURCE, 5, 5)).runId();
            return store.detail(runId).orElseThrow();
        }
    }

    @Test
    void theSnippetsLoadIntoHikariCpWithThePoolAsItEndedAndNoPassword() throws Exception {
        RunDetail run = recordedRun();

        ConfigSnippets.Snippets snippets = ConfigSnippets.of(run, "source", "postgres");

        Properties properties = new Properties();
        properties.load(new StringReader(snippets.properties()));
        HikariConfig fromProperties = new HikariConfig(properties);
        fromProperties.validate();
        assertThat(fromProperties.getMaximumPoolSize()).isEqualTo(5);
        assertThat(fromProperties.getMinimumIdle()).isEqualTo(5);
        assertThat(fromProperties.getJdbcUrl()).isEqualTo(run.sourceUrl());
        assertThat(fromProperties.getPassword()).isEqualTo("${DB_PASSWORD}");

        JsonNode yaml = new YAMLMapper().readTree(snippets.springYaml()).path("spring").path("datasource");
        assertThat(yaml.path("url").asText()).isEqualTo(run.sourceUrl());
        assertThat(yaml.path("password").asText()).isEqualTo("${DB_PASSWORD}");
        assertThat(yaml.path("hikari").path("maximum-pool-size").asInt()).isEqualTo(5);
        assertThat(yaml.path("hikari").path("connection-timeout").asLong()).isEqualTo(30_000);

        HikariConfig fromJava = compileAndRun(snippets.java());
        fromJava.validate();
        assertThat(fromJava.getMaximumPoolSize()).isEqualTo(5);
        assertThat(fromJava.getKeepaliveTime()).isEqualTo(fromProperties.getKeepaliveTime());

        for (String text : List.of(snippets.properties(), snippets.springYaml(), snippets.java())) {
            assertThat(text).doesNotContain(KNOWN_PASSWORD);
        }
    }

    /** Pastes the Java block into a method, compiles it with the JDK's compiler and runs it. */
    private HikariConfig compileAndRun(String block) throws Exception {
        Path src = dir.resolve("src/Pasted.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "import com.zaxxer.hikari.HikariConfig;\npublic class Pasted {\n"
                + "  public static HikariConfig make() {\n" + block.indent(4) + "    return config;\n  }\n}\n");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        String classpath = Path.of(HikariConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-cp", classpath, "-d",
                classes.toString(), src.toString());
        assertThat(status).as("the pasted block compiles").isZero();
        try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()},
                HikariConfig.class.getClassLoader())) {
            return (HikariConfig) loader.loadClass("Pasted").getMethod("make").invoke(null);
        }
    }
}
