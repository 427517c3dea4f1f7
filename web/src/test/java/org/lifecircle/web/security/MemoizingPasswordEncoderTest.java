package org.lifecircle.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class MemoizingPasswordEncoderTest {
    /** bcrypt at its cheapest cost, counting how often it is really asked. */
    private final AtomicInteger slowChecks = new AtomicInteger();

    private final PasswordEncoder bcrypt = new PasswordEncoder() {
        private final BCryptPasswordEncoder delegate = new BCryptPasswordEncoder(4);

        @Override
        public String encode(CharSequence rawPassword) {
            return delegate.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            slowChecks.incrementAndGet();
            return delegate.matches(rawPassword, encodedPassword);
        }
    };

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final MemoizingPasswordEncoder encoder =
            new MemoizingPasswordEncoder(bcrypt, Duration.ofMinutes(15), now::get);

    @Test
    void aVerifiedPasswordIsCheckedSlowlyOnlyOnce() {
        String hash = encoder.encode("correct horse");
        for (int i = 0; i < 100; i++) {
            assertThat(encoder.matches("correct horse", hash)).isTrue();
        }
        assertThat(slowChecks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsNeverRememberedAndNeverMatches() {
        String hash = encoder.encode("correct horse");
        assertThat(encoder.matches("correct horse", hash)).isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(encoder.matches("correct horsE", hash)).isFalse();
        }
        assertThat(slowChecks).hasValue(4);
    }

    @Test
    void aChangedPasswordHashIsCheckedAgain() {
        String before = encoder.encode("correct horse");
        String after = encoder.encode("battery staple");
        assertThat(encoder.matches("correct horse", before)).isTrue();
        assertThat(encoder.matches("correct horse", after)).isFalse();
        assertThat(encoder.matches("battery staple", after)).isTrue();
        assertThat(slowChecks).hasValue(3);
    }

    @Test
    void aRememberedPasswordExpires() {
        String hash = encoder.encode("correct horse");
        assertThat(encoder.matches("correct horse", hash)).isTrue();
        now.addAndGet(Duration.ofMinutes(14).toNanos());
        assertThat(encoder.matches("correct horse", hash)).isTrue();
        assertThat(slowChecks).hasValue(1);
        now.addAndGet(Duration.ofMinutes(2).toNanos());
        assertThat(encoder.matches("correct horse", hash)).isTrue();
        assertThat(slowChecks).hasValue(2);
    }
}
