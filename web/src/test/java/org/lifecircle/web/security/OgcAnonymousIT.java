package org.lifecircle.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lifecircle.web.HttpJson;
import org.lifecircle.web.TownIntegrationTest;
import org.springframework.test.context.TestPropertySource;

/** With {@code lifecircle.security.ogc-anonymous=true}, GIS clients read OGC layers and tiles without an account; the API still asks for one. */
@TestPropertySource(properties = "lifecircle.security.ogc-anonymous=true")
class OgcAnonymousIT extends TownIntegrationTest {
    @Test
    void ogcAndTilesAnswerAnyoneWhileTheApiStillAsks() {
        HttpJson anonymous = HttpJson.anonymous(port);
        HttpJson.Raw capabilities = anonymous.getRaw("/ogc?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities");
        assertThat(capabilities.status()).isEqualTo(200);
        assertThat(new String(capabilities.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("WMS_Capabilities");
        assertThat(anonymous.getRaw("/ogc/api/collections?f=json").status()).isEqualTo(200);
        assertThat(anonymous.getRaw("/tiles/communities/0/0/0.mvt").status()).isEqualTo(200);
        assertThat(anonymous.getRaw("/api/communities").status()).isEqualTo(401);
        assertThat(anonymous.exchange("POST", "/api/runs", "{}").status()).isEqualTo(401);
    }
}
