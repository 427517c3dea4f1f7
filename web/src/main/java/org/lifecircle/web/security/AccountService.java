package org.lifecircle.web.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.lifecircle.web.audit.AuditLog;
import org.lifecircle.web.common.BadParameterException;
import org.lifecircle.web.common.ConflictException;
import org.lifecircle.web.common.NotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Creates and changes accounts. Accounts are disabled, never deleted, and the service always keeps
 * at least one enabled admin. Every change goes to the audit log in the same transaction.
 */
@Service
public class AccountService {
    /** NIST SP 800-63B §5.1.1.2: at least 8 characters; no composition rules. */
    static final int MIN_PASSWORD_LENGTH = 8;

    static final int MAX_PASSWORD_LENGTH = 72; // bcrypt reads no further
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final RecentAccounts recent;

    AccountService(AccountRepository accounts, PasswordEncoder passwords, AuditLog audit, RecentAccounts recent) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.recent = recent;
    }

    public List<Account> all() {
        return accounts.all();
    }

    public Account find(String username) {
        return accounts.find(username).orElseThrow(() -> new NotFoundException("No account '" + username + "'"));
    }

    /**
     * @throws BadParameterException for a bad name, password or role
     * @throws ConflictException when the name is taken
     */
    @Transactional
    public Account create(String username, String password, Role role) {
        checkUsername(username);
        checkPassword("password", password);
        if (!accounts.insert(username, passwords.encode(password), role)) {
            throw new ConflictException("Account '" + username + "' exists already");
        }
        audit.record("account.created", "account:" + username, Map.of("role", role.key()));
        return find(username);
    }

    /**
     * Changes what is given (null leaves it as it is).
     *
     * @throws ConflictException when the change would leave no enabled admin
     */
    @Transactional
    public Account change(String username, Role role, Boolean enabled, String password) {
        accounts.lockForChange();
        Account before = find(username);
        Role newRole = role == null ? Role.parse("role", before.role()) : role;
        boolean newEnabled = enabled == null ? before.enabled() : enabled;
        if (password != null) {
            checkPassword("password", password);
        }
        boolean stillAdmin = newRole == Role.ADMIN && newEnabled;
        if (!stillAdmin && before.role().equals(Role.ADMIN.key()) && accounts.enabledAdminsOtherThan(username) == 0) {
            throw new ConflictException("'" + username + "' is the last enabled admin; make another admin first");
        }
        String hash = password == null ? accounts.passwordHash(username).orElseThrow() : passwords.encode(password);
        accounts.update(username, hash, newRole, newEnabled);
        forgetAfterCommit(username);
        Map<String, Object> detail = new LinkedHashMap<>();
        if (role != null) {
            detail.put("role", newRole.key());
        }
        if (enabled != null) {
            detail.put("enabled", newEnabled);
        }
        if (password != null) {
            detail.put("password", "changed");
        }
        audit.record("account.changed", "account:" + username, detail);
        return find(username);
    }

    /** @throws BadParameterException when the current password is wrong or the new one too short */
    @Transactional
    public void changeOwnPassword(String username, String current, String replacement) {
        String hash = accounts.passwordHash(username).orElseThrow(() -> new NotFoundException("No account"));
        if (current == null || !passwords.matches(current, hash)) {
            throw new BadParameterException("currentPassword", "The current password is wrong");
        }
        checkPassword("newPassword", replacement);
        Account account = find(username);
        accounts.update(username, passwords.encode(replacement), Role.parse("role", account.role()), account.enabled());
        forgetAfterCommit(username);
        audit.record("account.password-changed", "account:" + username, Map.of());
    }

    /** Creates the first account, when there is none; false when accounts exist already. */
    @Transactional
    boolean createFirstAdmin(String username, String password) {
        accounts.lockForChange();
        if (accounts.count() > 0) {
            return false;
        }
        checkUsername(username);
        checkPassword("lifecircle.security.first-admin.password", password);
        accounts.insert(username, passwords.encode(password), Role.ADMIN);
        audit.recordAs(AuditLog.SYSTEM, "account.created", "account:" + username, Map.of("role", "admin"));
        return true;
    }

    /**
     * Forgets the account's remembered copy once the change is committed: forgotten earlier, a
     * request in between could remember the old state again.
     */
    private void forgetAfterCommit(String username) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                recent.removeUserFromCache(username);
            }
        });
    }

    private static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new BadParameterException(
                    "username", "username must be 1 to 64 letters, digits or . _ @ -, got '" + username + "'");
        }
    }

    private static void checkPassword(String parameter, String password) {
        if (password == null
                || password.length() < MIN_PASSWORD_LENGTH
                || password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_LENGTH) {
            throw new BadParameterException(
                    parameter,
                    parameter + " must be " + MIN_PASSWORD_LENGTH + " to " + MAX_PASSWORD_LENGTH
                            + " bytes long (UTF-8)");
        }
    }
}
