package org.opensspr.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NotifyPropertiesTests {

    @Test
    void unsetValuesTakeTheirDefaults() {
        NotifyProperties properties = new NotifyProperties(null, null);

        assertThat(properties.pollMillis()).isEqualTo(250);
        assertThat(properties.smtpConnections()).isEqualTo(4);
    }

    @Test
    void outOfRangeValuesAreRefusedByName() {
        assertThatThrownBy(() -> new NotifyProperties(0L, null)).hasMessageContaining("sspr.notify.poll-millis");
        assertThatThrownBy(() -> new NotifyProperties(null, 0))
                .hasMessageContaining("sspr.notify.smtp-connections must be 1-20, got 0");
        assertThatThrownBy(() -> new NotifyProperties(null, 21)).hasMessageContaining("sspr.notify.smtp-connections");
        assertThat(new NotifyProperties(null, 1).smtpConnections()).isEqualTo(1);
    }
}
