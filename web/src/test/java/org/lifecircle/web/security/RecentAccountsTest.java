package org.lifecircle.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

class RecentAccountsTest {
    private final AtomicLong now = new AtomicLong();
    private final RecentAccounts recent = new RecentAccounts(now::get);
    private final UserDetails planner = User.withUsername("li.ming")
            .password("{bcrypt}$2a$10$x")
            .roles("PLANNER")
            .build();

    @Test
    void anAccountIsRememberedForItsLifetimeOnly() {
        recent.putUserInCache(planner);
        now.addAndGet(RecentAccounts.LIFETIME.toNanos() - 1);
        assertThat(recent.getUserFromCache("li.ming").getAuthorities()).hasSize(1);
        now.addAndGet(1);
        assertThat(recent.getUserFromCache("li.ming")).isNull();
    }

    @Test
    void erasingTheAnswersPasswordLeavesTheRememberedOne() {
        recent.putUserInCache(planner);
        ((CredentialsContainer) recent.getUserFromCache("li.ming")).eraseCredentials();
        assertThat(recent.getUserFromCache("li.ming").getPassword()).isEqualTo("{bcrypt}$2a$10$x");
    }

    @Test
    void aForgottenAccountIsReadAgain() {
        recent.putUserInCache(planner);
        recent.removeUserFromCache("li.ming");
        assertThat(recent.getUserFromCache("li.ming")).isNull();
    }
}
