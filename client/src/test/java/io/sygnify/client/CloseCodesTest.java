package io.sygnify.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CloseCodesTest {

    @ParameterizedTest
    @ValueSource(ints = {1001, 1006, 1008, 1009, 1011, 1013, 4000, 4008})
    void transientClosesReconnect(int code) {
        assertThat(CloseCodes.reconnects(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {1000, 4401, 4403, 4499})
    void normalCloseAndRefusalsDoNotReconnect(int code) {
        assertThat(CloseCodes.reconnects(code)).isFalse();
    }
}
