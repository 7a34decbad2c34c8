package io.poollab.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SamplerTest {

    @Test
    void aSampleInTheSameMillisecondAsThePreviousIsStampedOneLater() {
        assertThat(Sampler.stamp(0, -1)).isZero();
        assertThat(Sampler.stamp(13_658, 13_408)).isEqualTo(13_658);
        assertThat(Sampler.stamp(13_658, 13_658)).isEqualTo(13_659);
        assertThat(Sampler.stamp(13_658, 13_659)).isEqualTo(13_660);
    }
}
