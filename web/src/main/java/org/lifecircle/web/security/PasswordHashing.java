package org.lifecircle.web.security;

import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How passwords are hashed: Spring Security's delegating encoder (bcrypt, named in the stored
 * {@code {bcrypt}} prefix), with verified passwords remembered for a while. Outside the web
 * configuration, so the command line can manage accounts too.
 */
@Configuration
class PasswordHashing {
    /** How long a verified Basic password is trusted before bcrypt checks it again. */
    private static final Duration VERIFIED_PASSWORD_LIFETIME = Duration.ofMinutes(15);

    @Bean
    PasswordEncoder passwordEncoder() {
        return new MemoizingPasswordEncoder(
                PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                VERIFIED_PASSWORD_LIFETIME,
                System::nanoTime);
    }
}
