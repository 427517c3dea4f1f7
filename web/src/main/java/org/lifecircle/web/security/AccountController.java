package org.lifecircle.web.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lifecircle.web.common.BadParameterException;
import org.lifecircle.web.common.JsonParameters;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Accounts: admins list, create and change them ({@code /api/accounts}); everyone signed in reads
 * who they are and what they may do, and changes their own password ({@code /api/me}).
 */
@RestController
class AccountController {
    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/accounts")
    Map<String, List<Account>> all() {
        return Map.of("accounts", accounts.all());
    }

    @PostMapping("/api/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    Account create(@RequestBody JsonNode request) {
        requireObject(request);
        JsonParameters.rejectUnknown(request, List.of("username", "password", "role"));
        String role = JsonParameters.optionalText(request, "role");
        return accounts.create(
                JsonParameters.optionalText(request, "username"),
                JsonParameters.optionalText(request, "password"),
                role == null ? Role.VIEWER : Role.parse("role", role));
    }

    @GetMapping("/api/accounts/{username}")
    Account one(@PathVariable String username) {
        return accounts.find(username);
    }

    @PatchMapping("/api/accounts/{username}")
    Account change(@PathVariable String username, @RequestBody JsonNode request) {
        requireObject(request);
        JsonParameters.rejectUnknown(request, List.of("role", "enabled", "password"));
        String role = JsonParameters.optionalText(request, "role");
        return accounts.change(
                username,
                role == null ? null : Role.parse("role", role),
                JsonParameters.optionalBool(request, "enabled"),
                JsonParameters.optionalText(request, "password"));
    }

    /** Who is signed in and what the page should offer them. */
    @GetMapping("/api/me")
    Map<String, Object> me(Authentication authentication) {
        List<String> authorities = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
        Role role = authorities.contains(Role.ADMIN.authority())
                ? Role.ADMIN
                : authorities.contains(Role.PLANNER.authority()) ? Role.PLANNER : Role.VIEWER;
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("username", authentication.getName());
        me.put("role", role.key());
        me.put(
                "may",
                Map.of(
                        "run", role.compareTo(Role.PLANNER) >= 0,
                        "editPlans", role.compareTo(Role.PLANNER) >= 0,
                        "adoptPlans", role == Role.ADMIN,
                        "import", role == Role.ADMIN,
                        "manageAccounts", role == Role.ADMIN));
        return me;
    }

    @PostMapping("/api/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(Authentication authentication, @RequestBody JsonNode request) {
        requireObject(request);
        JsonParameters.rejectUnknown(request, List.of("currentPassword", "newPassword"));
        accounts.changeOwnPassword(
                authentication.getName(),
                JsonParameters.optionalText(request, "currentPassword"),
                JsonParameters.optionalText(request, "newPassword"));
    }

    private static void requireObject(JsonNode request) {
        if (request == null || !request.isObject()) {
            throw new BadParameterException("body", "The body must be a JSON object");
        }
    }
}
