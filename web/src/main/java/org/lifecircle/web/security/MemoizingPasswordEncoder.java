package org.lifecircle.web.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A slow password hash (bcrypt) checked once per password and then remembered for a while. GIS
 * clients and scripts send their password with every request (HTTP Basic); at ~60 ms a bcrypt check
 * would cost more than the map tile they ask for.
 *
 * <p>Only successful checks are remembered, keyed by the stored hash and an HMAC-SHA256 of the
 * password under a key that lives only in this process: a wrong password never hits, and a changed
 * password (a new stored hash) or a key past its time is checked with bcrypt again.
 */
final class MemoizingPasswordEncoder implements PasswordEncoder {
    private static final int CAPACITY = 1024;
    private static final String HMAC = "HmacSHA256";

    private final PasswordEncoder delegate;
    private final long lifetimeNanos;
    private final LongSupplier clock;
    /**
     * One keyed HMAC per thread: {@code Mac.getInstance} walks the security providers on every call: 8
     * of the 53 samples in the security filters of a JFR profile of map requests.
     */
    private final ThreadLocal<Mac> macs;
    /** Verified (stored hash, password HMAC) → when it expires; least recently used first. */
    private final Map<String, Long> verified = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > CAPACITY;
        }
    };

    MemoizingPasswordEncoder(PasswordEncoder delegate, java.time.Duration lifetime, LongSupplier clock) {
        this.delegate = delegate;
        this.lifetimeNanos = lifetime.toNanos();
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        SecretKeySpec key = new SecretKeySpec(secret, HMAC);
        this.macs = ThreadLocal.withInitial(() -> newMac(key));
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String memo = encodedPassword + ' ' + hmac(rawPassword);
        long now = clock.getAsLong();
        synchronized (verified) {
            Long expires = verified.get(memo);
            if (expires != null && expires - now > 0) {
                return true;
            }
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            synchronized (verified) {
                verified.put(memo, now + lifetimeNanos);
            }
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    /** The password's HMAC; {@code doFinal} resets the thread's Mac for the next call. */
    private String hmac(CharSequence rawPassword) {
        byte[] digest = macs.get().doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(digest);
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
