package org.lifecircle.web.security;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The {@code app_account} table (V006). */
@Repository
class AccountRepository {
    private static final String COLUMNS = "username, role, enabled, created_at, updated_at";
    private static final RowMapper<Account> ACCOUNT = (rs, row) -> new Account(
            rs.getString("username"),
            rs.getString("role"),
            rs.getBoolean("enabled"),
            rs.getObject("created_at", java.time.OffsetDateTime.class),
            rs.getObject("updated_at", java.time.OffsetDateTime.class));

    private final JdbcTemplate jdbc;

    AccountRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM app_account", Long.class);
        return count == null ? 0 : count;
    }

    List<Account> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM app_account ORDER BY username", ACCOUNT);
    }

    Optional<Account> find(String username) {
        return jdbc.query("SELECT " + COLUMNS + " FROM app_account WHERE username = ?", ACCOUNT, username).stream()
                .findFirst();
    }

    Optional<String> passwordHash(String username) {
        return jdbc
                .queryForList("SELECT password_hash FROM app_account WHERE username = ?", String.class, username)
                .stream()
                .findFirst();
    }

    /** @return false when the name is taken */
    boolean insert(String username, String passwordHash, Role role) {
        return jdbc.update(
                        "INSERT INTO app_account (username, password_hash, role) VALUES (?, ?, ?)"
                                + " ON CONFLICT (username) DO NOTHING",
                        username,
                        passwordHash,
                        role.key())
                == 1;
    }

    void update(String username, String passwordHash, Role role, boolean enabled) {
        jdbc.update(
                "UPDATE app_account SET password_hash = ?, role = ?, enabled = ?, updated_at = now() WHERE username = ?",
                passwordHash,
                role.key(),
                enabled,
                username);
    }

    /**
     * Serialises account changes for the rest of the transaction, so two admins demoting each
     * other at once cannot leave the service without one.
     */
    void lockForChange() {
        jdbc.execute("LOCK TABLE app_account IN SHARE ROW EXCLUSIVE MODE");
    }

    long enabledAdminsOtherThan(String username) {
        Long count = jdbc.queryForObject(
                "SELECT count(*) FROM app_account WHERE role = 'admin' AND enabled AND username <> ?",
                Long.class,
                username);
        return count == null ? 0 : count;
    }
}
