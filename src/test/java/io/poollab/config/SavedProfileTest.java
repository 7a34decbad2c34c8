package io.poollab.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SavedProfileTest {

    private static final ConnectionForm DB1 = ConnectionForm.postgres("db1", null, "orders");

    @Test
    void aPromptedPasswordIsUsedButNeverShown() throws Exception {
        ConnectionProfile profile = SavedProfile.of("prod", DB1, "app", PasswordSource.PROMPT)
                .toConnectionProfile(Optional.of("hunter2-typed"));

        assertThat(profile.jdbcUrl()).isEqualTo("jdbc:postgresql://db1/orders");
        assertThat(profile.password().resolve(Map.of())).hasValue("hunter2-typed");
        assertThat(profile.password().describe()).isEqualTo("typed at a prompt (hidden)");
        assertThat(profile.toString()).contains("Prompted[hidden]").doesNotContain("hunter2");
    }

    @Test
    void aPromptProfileWithoutATypedPasswordCannotConnect() {
        SavedProfile profile = SavedProfile.of("prod", DB1, "app", PasswordSource.PROMPT);

        assertThatThrownBy(() -> profile.toConnectionProfile(Optional.empty())).isInstanceOf(ConfigException.class)
                .hasMessage("profile \"prod\": password: asks for the password at connect time; none was given");
    }

    @Test
    void pgpassAndNoneLeaveThePasswordToTheDriverAndIgnoreATypedOne() throws Exception {
        for (PasswordSource source : new PasswordSource[] {PasswordSource.PGPASS, PasswordSource.NONE}) {
            ConnectionProfile profile = SavedProfile.of("p", DB1, "app", source)
                    .toConnectionProfile(Optional.of("typed"));

            assertThat(profile.password()).isEqualTo(Secret.NONE);
        }
    }

    @Test
    void aBadEnvironmentVariableNameIsRefused() {
        SavedProfile profile = SavedProfile.of("ci", DB1, "app", new PasswordSource.Env("DB-PASSWORD"));

        assertThat(profile.problems()).extracting(Problem::oneLine).containsExactly(
                "profile \"ci\": password: \"DB-PASSWORD\" is not an environment variable name "
                        + "(letters, digits and _)");
    }

    @Test
    void aKeyringPasswordIsLookedUpOnlyAtConnectTimeAndSaysWhenThereIsNoKeyring() throws Exception {
        ConnectionProfile profile = SavedProfile.of("dw", DB1, "etl", new PasswordSource.Keyring("poollab", "etl@db1"))
                .toConnectionProfile(Optional.empty());

        assertThat(profile.password()).isEqualTo(new Secret.Keyring("poollab", "etl@db1"));
        assertThat(profile.password().describe()).isEqualTo("OS keyring (service poollab, account etl@db1)");
        assumeFalse(OsKeyring.isAvailable(), "this machine has a keyring");
        assertThatThrownBy(() -> profile.password().resolve(Map.of())).isInstanceOf(ConfigException.class)
                .hasMessage("no OS keyring is available on this machine (service poollab, account etl@db1); "
                        + "choose another password source");
    }
}
