package org.lifecircle.web.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code lifecircle.security.*}.
 *
 * @param ogcAnonymous whether {@code /ogc} and {@code /tiles} answer without an account (default:
 *     a viewer account is required)
 * @param firstAdmin the admin account created when the service starts with no account at all
 */
@ConfigurationProperties("lifecircle.security")
public record SecurityProperties(
        @DefaultValue("false") boolean ogcAnonymous,
        @DefaultValue FirstAdmin firstAdmin) {

    /**
     * @param username its name
     * @param password its password; empty for a random one-time password printed once to the log
     */
    public record FirstAdmin(
            @DefaultValue("admin") String username,
            @DefaultValue("") String password) {}
}
