package org.lifecircle.web.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Component;

/**
 * Makes sure a service with no account at all gets an admin: with the password of {@code
 * LIFECIRCLE_ADMIN_PASSWORD} (property {@code lifecircle.security.first-admin.password}), or else
 * a random one printed once to the log.
 */
@Component
@ConditionalOnWebApplication
class FirstAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);

    private final AccountService accounts;
    private final SecurityProperties.FirstAdmin settings;

    FirstAdmin(AccountService accounts, SecurityProperties properties) {
        this.accounts = accounts;
        this.settings = properties.firstAdmin();
    }

    @EventListener(ApplicationReadyEvent.class)
    void createWhenNoAccountExists() {
        boolean generated = settings.password().isEmpty();
        String password = generated ? KeyGenerators.string().generateKey() : settings.password();
        if (!accounts.createFirstAdmin(settings.username(), password)) {
            return;
        }
        if (generated) {
            LOG.warn(
                    "No account existed: created admin '{}' with the one-time password {} — sign in and change it"
                            + " (POST /api/me/password), or set LIFECIRCLE_ADMIN_PASSWORD before the first start",
                    settings.username(),
                    password);
        } else {
            LOG.info(
                    "No account existed: created admin '{}' with the password of LIFECIRCLE_ADMIN_PASSWORD",
                    settings.username());
        }
    }
}
