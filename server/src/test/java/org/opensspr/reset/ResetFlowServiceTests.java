package org.opensspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResetFlowServiceTests {

    @Test
    void decoyHintsUseTheDomainOfTheBaseDn() {
        assertThat(Decoys.domainOf("dc=example,dc=org")).isEqualTo("example.org");
        assertThat(Decoys.domainOf("ou=people, DC=corp,DC=example,DC=com")).isEqualTo("corp.example.com");
        assertThat(Decoys.domainOf("o=Example")).isEqualTo("example.com");
    }
}
