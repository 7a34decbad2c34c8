package io.poollab.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void percentsKeepATenthOnlyUnderTenWhenItIsNotWhole() {
        assertThat(Units.percent(0.05)).isEqualTo("5%");
        assertThat(Units.percent(0.025)).isEqualTo("2.5%");
        assertThat(Units.percent(0.004)).isEqualTo("0.4%");
        assertThat(Units.percent(0.123)).isEqualTo("12%");
        assertThat(Units.percent(0.951)).isEqualTo("95%");
        assertThat(Units.percent(-0.031)).isEqualTo("-3.1%");
        assertThat(Units.percent(Double.NaN)).isEqualTo("n/a");
    }

    @Test
    void lengthsUnderAMinuteKeepTheirSecondsThenReadAsAClock() {
        assertThat(Units.length(1.43)).isEqualTo("1.43 s");
        assertThat(Units.length(0.2)).isEqualTo("0.2 s");
        assertThat(Units.length(42.4)).isEqualTo("42 s");
        assertThat(Units.length(125)).isEqualTo("2:05");
        assertThat(Units.length(3725)).isEqualTo("1:02:05");
    }
}
