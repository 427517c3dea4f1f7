package org.lifecircle.web.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserCache;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * Accounts read in the last {@link #LIFETIME}, so a GIS client's stream of Basic requests does not
 * read {@code app_account} twice per map tile. {@link AccountService} forgets an account the moment
 * it changes; the lifetime bounds how long a change made around the service (SQL by hand) takes.
 *
 * <p>Each answer is a copy: Spring Security erases the password of the user it authenticated, and
 * must not erase the cached one.
 */
@Component
class RecentAccounts implements UserCache {
    static final Duration LIFETIME = Duration.ofSeconds(30);

    private record Entry(UserDetails user, long expiresNanos) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    RecentAccounts() {
        this(System::nanoTime);
    }

    RecentAccounts(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public UserDetails getUserFromCache(String username) {
        Entry entry = entries.get(username);
        if (entry == null || entry.expiresNanos() - clock.getAsLong() <= 0) {
            return null;
        }
        return User.withUserDetails(entry.user()).build();
    }

    @Override
    public void putUserInCache(UserDetails user) {
        entries.put(
                user.getUsername(),
                new Entry(User.withUserDetails(user).build(), clock.getAsLong() + LIFETIME.toNanos()));
    }

    @Override
    public void removeUserFromCache(String username) {
        entries.remove(username);
    }
}
